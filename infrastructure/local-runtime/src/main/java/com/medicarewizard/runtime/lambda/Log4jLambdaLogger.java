package com.medicarewizard.runtime.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The {@link LambdaLogger} of one invocation: lines go to Log4j, tagged with the request id. */
final class Log4jLambdaLogger implements LambdaLogger {

    private final Logger logger;
    private final String requestId;

    Log4jLambdaLogger(String functionName, String requestId) {
        this.logger = LogManager.getLogger("lambda." + functionName);
        this.requestId = requestId;
    }

    @Override
    public void log(String message) {
        logger.info("{} {}", requestId, message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        logger.log(toLog4j(level), "{} {}", requestId, message);
    }

    private static Level toLog4j(LogLevel level) {
        return switch (level) {
            case TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case WARN -> Level.WARN;
            case ERROR -> Level.ERROR;
            case FATAL -> Level.FATAL;
            default -> Level.INFO;
        };
    }
}
