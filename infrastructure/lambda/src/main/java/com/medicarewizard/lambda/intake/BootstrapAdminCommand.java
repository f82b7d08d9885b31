package com.medicarewizard.lambda.intake;

import com.medicarewizard.adapter.table.TableStaffAccounts;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.functions.IntakeSpec;
import com.medicarewizard.intake.staff.BootstrapAdmin;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.lambda.common.TablePorts;

import java.net.URI;
import java.util.Map;

/**
 * The first administrator of a deployment ({@link BootstrapAdmin}; docs/operations.md, "Staff accounts"), run
 * from a shell with the intake's artifact and credentials that may read and write the table:
 * {@code java -cp intake.jar com.medicarewizard.lambda.intake.BootstrapAdminCommand EMAIL [NAME]}, with
 * {@code MCW_TABLE_NAME}, {@code MCW_PUBLIC_URL} and {@code AWS_REGION} from the environment. The one-time
 * link is printed on this console alone: nothing stores or sends it.
 */
public final class BootstrapAdminCommand {

    private BootstrapAdminCommand() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: BootstrapAdminCommand EMAIL [NAME]");
            System.exit(2);
        }
        BootstrapAdmin.Outcome outcome = bootstrap(args[0], args.length > 1 ? args[1] : "Administrator",
                System.getenv());
        System.exit(switch (outcome) {
            case BootstrapAdmin.Outcome.Invited invited -> {
                System.out.printf("The administrator %s sets a password here, once, until %s:%n    %s%n", args[0],
                        invited.expiresAt(), invited.link());
                yield 0;
            }
            case BootstrapAdmin.Outcome.Refused refused -> {
                System.err.println("nothing done: " + refused.why());
                yield 1;
            }
        });
    }

    /** The bootstrap against the table and with the website address of {@code env}, as the intake is given them. */
    public static BootstrapAdmin.Outcome bootstrap(String email, String name, Map<String, String> env) {
        AwsSettings settings = new AwsSettings(env);
        TablePorts ports = TablePorts.from(settings);
        return new BootstrapAdmin(new TableStaffAccounts(ports.table()), ports.clock())
                .run(new EmailAddress(email), name, URI.create(settings.required(IntakeSpec.PUBLIC_URL)));
    }
}
