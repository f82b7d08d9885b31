package com.medicarewizard.lambda.notifier;

import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.table.TableTakenCells;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.lambda.common.TablePorts;
import com.medicarewizard.notifier.AvailabilityRebuild;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The operators' rebuild of availability's read model from the ledger (docs/operations.md,
 * "Availability's read model in AWS"), run from a shell with the notifier's artifact and credentials
 * that may read and write the table:
 * {@code java -cp notifier.jar com.medicarewizard.lambda.notifier.RebuildAvailability FROM TO [RESOURCE…]},
 * the UTC days {@code FROM} to {@code TO} inclusive ({@code yyyy-MM-dd}), every resource of the center
 * document unless some are named; {@code MCW_TABLE_NAME} and {@code AWS_REGION} from the environment.
 */
public final class RebuildAvailability {

    private RebuildAvailability() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: RebuildAvailability FROM TO [RESOURCE...]   (UTC days yyyy-MM-dd, inclusive)");
            System.exit(2);
        }
        TablePorts ports = TablePorts.from(new AwsSettings(System.getenv()));
        Instant from = LocalDate.parse(args[0]).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = LocalDate.parse(args[1]).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<ResourceId> resources = args.length > 2
                ? Arrays.stream(args, 2, args.length).map(ResourceId::new).toList()
                : ports.catalog().current().resources().stream().map(Resource::id).toList();
        AvailabilityRebuild.Result result = new AvailabilityRebuild(new TableSlotLedger(ports.table()),
                new TableTakenCells(ports.table())).run(resources, from, to);
        System.out.printf("%d resources, %s to %s: %d cells marked taken, %d marked free, %d still differing%n",
                resources.size(), args[0], args[1], result.marked(), result.freed(), result.stillDiffering());
        System.exit(result.stillDiffering() == 0 ? 0 : 1);
    }
}
