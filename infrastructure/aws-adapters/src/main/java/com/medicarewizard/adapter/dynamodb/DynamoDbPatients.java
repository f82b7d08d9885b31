package com.medicarewizard.adapter.dynamodb;

import static com.medicarewizard.adapter.layout.ItemLayout.EMAIL;
import static com.medicarewizard.adapter.layout.ItemLayout.PATIENT;
import static com.medicarewizard.adapter.layout.ItemLayout.PATIENT_ID;

import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.adapter.layout.PatientRecords;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.port.Patients;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link Patients} on DynamoDB: the patient item (the only one holding personal data) and an
 * {@code EMAIL#<address>} item naming its owner, written by one TransactWriteItems, each Put only if
 * absent — so two registrations racing for one address leave exactly one account.
 */
public final class DynamoDbPatients implements Patients {

    private final DynamoDbTable table;

    public DynamoDbPatients(DynamoDbTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void register(Patient patient) {
        try {
            table.client().transactWriteItems(registerRequest(patient));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
                throw new EmailTakenException();
            }
            throw new IllegalStateException("patient " + patient.id() + " could not be registered", e);
        }
    }

    /** The patient and the owner of its address, each put only if absent, in one transaction. */
    TransactWriteItemsRequest registerRequest(Patient patient) {
        return TransactWriteItemsRequest.builder().transactItems(
                putIfAbsent(PatientRecords.attributes(patient)),
                putIfAbsent(PatientRecords.emailOwner(patient))).build();
    }

    private TransactWriteItem putIfAbsent(Map<String, Object> item) {
        return TransactWriteItem.builder()
                .put(Condition.ABSENT.transactionPut(table.name(), AttributeValues.toDynamo(item))).build();
    }

    @Override
    public Optional<Patient> find(PatientId id) {
        return table.get(ItemKeys.patient(id), PATIENT).map(PatientRecords::patient);
    }

    @Override
    public Optional<Patient> byEmail(EmailAddress email) {
        return table.get(ItemKeys.email(email), EMAIL)
                .map(owner -> new PatientId(owner.string(PATIENT_ID)))
                .flatMap(this::find);
    }
}
