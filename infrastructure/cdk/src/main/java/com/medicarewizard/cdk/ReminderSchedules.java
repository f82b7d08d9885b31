package com.medicarewizard.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.scheduler.CfnScheduleGroup;
import software.constructs.Construct;

/**
 * Where the reminders wait (docs/adr/0018): an EventBridge Scheduler group for the one-time schedules
 * the notifier creates and deletes, and the role Scheduler assumes to invoke the reminder function —
 * allowed that one invocation and nothing else. Whoever keeps the schedules ({@link #grantScheduling}) may
 * create and delete schedules in this group only, and pass this role only, and only to Scheduler.
 */
final class ReminderSchedules extends Construct {
    private final CfnScheduleGroup group;
    private final Role invoker;
    private final Alias reminder;

    ReminderSchedules(Construct scope, String id, Alias reminder) {
        super(scope, id);
        this.reminder = reminder;
        // no name given: CloudFormation names it, and its Ref is that name
        group = CfnScheduleGroup.Builder.create(this, "Group").build();
        invoker = Role.Builder.create(this, "SchedulerRole")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com"))
                .description("EventBridge Scheduler invokes the MediCareWizard reminder function")
                .build();
        reminder.grantInvoke(invoker);
    }

    /** The notifier's settings of the schedules: their group, target and role. */
    Map<String, String> environment() {
        return Map.of("MCW_REMINDER_SCHEDULE_GROUP", group.getRef(),
                "MCW_REMINDER_FUNCTION_ARN", reminder.getFunctionArn(),
                "MCW_REMINDER_SCHEDULER_ROLE_ARN", invoker.getRoleArn());
    }

    /** Lets {@code keeper} create and delete the group's schedules, handing them the invoking role. */
    void grantScheduling(IGrantable keeper) {
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder().grantee(keeper)
                .actions(List.of("scheduler:CreateSchedule", "scheduler:DeleteSchedule"))
                .resourceArns(List.of(Stack.of(this).formatArn(ArnComponents.builder().service("scheduler")
                        .resource("schedule").resourceName(group.getRef() + "/*").build())))
                .build());
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder().grantee(keeper)
                .actions(List.of("iam:PassRole"))
                .resourceArns(List.of(invoker.getRoleArn()))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "scheduler.amazonaws.com")))
                .build());
    }

    CfnScheduleGroup group() {
        return group;
    }

    Role invoker() {
        return invoker;
    }
}
