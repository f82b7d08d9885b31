package com.medicarewizard.intake.fakes;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;

import java.io.StringWriter;

/** Captures every log line (INFO and up, with the thread context ids) while open. */
public final class LogCapture implements AutoCloseable {
    private final StringWriter out = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final WriterAppender appender;
    private final Level previous;

    public LogCapture() {
        appender = WriterAppender.newBuilder().setName("capture").setTarget(out)
                .setLayout(PatternLayout.newBuilder()
                        .setPattern("%level [%X{requestId} %X{correlationId}] %m %throwable%n").build())
                .build();
        appender.start();
        var root = context.getConfiguration().getRootLogger();
        previous = root.getLevel();
        root.addAppender(appender, Level.INFO, null);
        root.setLevel(Level.INFO);
        context.updateLoggers();
    }

    public String text() {
        return out.toString();
    }

    @Override
    public void close() {
        var root = context.getConfiguration().getRootLogger();
        root.removeAppender("capture");
        root.setLevel(previous);
        context.updateLoggers();
        appender.stop();
    }
}
