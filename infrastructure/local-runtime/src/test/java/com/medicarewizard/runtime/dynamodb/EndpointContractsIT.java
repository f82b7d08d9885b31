package com.medicarewizard.runtime.dynamodb;

import com.medicarewizard.adapter.table.TableAuditTrail;
import com.medicarewizard.adapter.table.TableDeskMarks;
import com.medicarewizard.adapter.table.TableCenterVersions;
import com.medicarewizard.adapter.table.TableDecisions;
import com.medicarewizard.adapter.table.TableStaffAccounts;
import com.medicarewizard.adapter.table.TableMessageFailures;
import com.medicarewizard.adapter.table.TableNotificationLedger;
import com.medicarewizard.adapter.table.TablePasswordResets;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.table.TableRateLimits;
import com.medicarewizard.adapter.table.TableRecipientQuota;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.table.TableTakenCells;
import com.medicarewizard.adapter.table.TableTokens;
import com.medicarewizard.port.MessageFailures;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.RateLimits;
import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.port.TakenCellsSummary;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.port.contract.DecisionsContract;
import com.medicarewizard.port.contract.DeskMarksContract;
import com.medicarewizard.port.contract.MessageFailuresContract;
import com.medicarewizard.port.contract.NotificationLedgerContract;
import com.medicarewizard.port.contract.PasswordResetsContract;
import com.medicarewizard.port.contract.PatientsContract;
import com.medicarewizard.port.contract.RateLimitsContract;
import com.medicarewizard.port.contract.RecipientQuotaContract;
import com.medicarewizard.port.contract.ReservationsContract;
import com.medicarewizard.port.contract.SlotLedgerContract;
import com.medicarewizard.port.contract.CenterVersionsContract;
import com.medicarewizard.port.contract.StaffAccountsContract;
import com.medicarewizard.port.contract.TakenCellsSummaryContract;
import com.medicarewizard.port.contract.TokensContract;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.contract.ItemTableContract;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contracts the DynamoDB adapters are held to on dynalite ({@code DynamoDb*IT} in
 * aws-adapters), run on the DynamoDB wire endpoint: the same suites, the same adapters, through the
 * SDK — and with real TransactWriteItems, where dynalite needs a client that emulates them.
 */
@ExtendWith(EndpointExtension.class)
class EndpointContractsIT {

    @Nested
    class ItemTableOnTheEndpoint extends ItemTableContract {
        @Override
        protected ItemTable newTable() {
            return EndpointExtension.freshTable();
        }
    }

    @Nested
    class ReservationsOnTheEndpoint extends ReservationsContract {
        @Override
        protected Reservations newReservations() {
            return new TableReservations(EndpointExtension.freshTable());
        }
    }

    @Nested
    class DecisionsOnTheEndpoint extends DecisionsContract {
        @Override
        protected Stores newStores() {
            ItemTable table = EndpointExtension.freshTable();
            return new Stores(new TableReservations(table), new TableSlotLedger(table), new TableDecisions(table));
        }
    }

    @Nested
    class SlotLedgerOnTheEndpoint extends SlotLedgerContract {
        @Override
        protected SlotLedger newLedger() {
            return new TableSlotLedger(EndpointExtension.freshTable());
        }
    }

    /** Availability's read model as AWS reads it: each resource's query at once, eventually consistent. */
    @Nested
    class TakenCellsOnTheEndpoint extends TakenCellsSummaryContract {
        @Override
        protected TakenCellsSummary newSummary() {
            return new TableTakenCells(EndpointExtension.freshTable());
        }
    }

    @Nested
    class PatientsOnTheEndpoint extends PatientsContract {
        private ItemTable table;

        @Override
        protected Patients newPatients() {
            table = EndpointExtension.freshTable();
            return new TablePatients(table);
        }

        @Override
        protected AuditTrail audit() {
            return new TableAuditTrail(table);
        }
    }

    /** Here only: completing a reset is a transaction of a Delete and an Update, which dynalite's emulation lacks. */
    @Nested
    class PasswordResetsOnTheEndpoint extends PasswordResetsContract {
        @Override
        protected Stores newStores() {
            var table = EndpointExtension.freshTable();
            return new Stores(new TablePatients(table), new TablePasswordResets(table));
        }
    }

    @Nested
    class CenterVersionsOnTheEndpoint extends CenterVersionsContract {
        @Override
        protected Stores newStores() {
            var table = EndpointExtension.freshTable();
            return new Stores(new TableCenterVersions(table), new TableAuditTrail(table));
        }
    }

    @Nested
    class StaffAccountsOnTheEndpoint extends StaffAccountsContract {
        @Override
        protected Stores newStores() {
            var table = EndpointExtension.freshTable();
            return new Stores(new TableStaffAccounts(table), new TableAuditTrail(table));
        }
    }

    @Nested
    class DeskMarksOnTheEndpoint extends DeskMarksContract {
        @Override
        protected Stores newStores() {
            var table = EndpointExtension.freshTable();
            return new Stores(new TableDeskMarks(table), new TableAuditTrail(table));
        }
    }

    @Nested
    class TokensOnTheEndpoint extends TokensContract {
        @Override
        protected Tokens newTokens() {
            return new TableTokens(EndpointExtension.freshTable());
        }
    }

    @Nested
    class RateLimitsOnTheEndpoint extends RateLimitsContract {
        @Override
        protected RateLimits newRateLimits() {
            return new TableRateLimits(EndpointExtension.freshTable());
        }
    }

    @Nested
    class RecipientQuotaOnTheEndpoint extends RecipientQuotaContract {
        @Override
        protected RecipientQuota newQuota() {
            return new TableRecipientQuota(EndpointExtension.freshTable());
        }
    }

    @Nested
    class NotificationLedgerOnTheEndpoint extends NotificationLedgerContract {
        @Override
        protected NotificationLedger newLedger() {
            return new TableNotificationLedger(EndpointExtension.freshTable());
        }
    }

    @Nested
    class WaitlistOnTheEndpoint extends com.medicarewizard.port.contract.WaitlistContract {
        @Override
        protected com.medicarewizard.port.Waitlist newWaitlist() {
            return new com.medicarewizard.adapter.table.TableWaitlist(EndpointExtension.freshTable());
        }
    }

    @Nested
    class MessageFailuresOnTheEndpoint extends MessageFailuresContract {
        @Override
        protected MessageFailures newFailures() {
            return new TableMessageFailures(EndpointExtension.freshTable());
        }
    }
}
