package com.medicarewizard.table.layout;

import static com.medicarewizard.table.layout.ItemLayout.EXPIRES_AT;
import static com.medicarewizard.table.layout.ItemLayout.EXPIRES_AT_INSTANT;
import static com.medicarewizard.table.layout.ItemLayout.ISSUED_AT;
import static com.medicarewizard.table.layout.ItemLayout.PK;
import static com.medicarewizard.table.layout.ItemLayout.SK;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;
import static com.medicarewizard.table.layout.ItemLayout.VERSION;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.staff.StaffId;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.port.StaffAccounts.Invitation;
import com.medicarewizard.port.StaffAccounts.Session;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;

/**
 * Maps the staff's accounts, invitations and sessions to their items in {@link ItemLayout}, and back.
 * The members share one partition ({@value ItemLayout#STAFF}, sorted by id): a center has tens of them,
 * and the administrators' list is one query.
 */
public final class StaffRecords {
    public static final String STAFF_ID = "staffId";
    public static final String NAME = "name";
    public static final String ROLE = "role";
    public static final String ACTIVE = "active";
    public static final String CREATED_AT = "createdAt";
    public static final String TOKEN_HASH = "tokenHash";

    private StaffRecords() {
    }

    public static Key key(StaffId id) {
        return new Key(ItemLayout.STAFF, id.value());
    }

    public static Key emailKey(EmailAddress email) {
        return new Key(ItemLayout.STAFF_EMAIL + "#" + email.value(), ItemLayout.STAFF_EMAIL);
    }

    public static Key invitationKey(StaffId id) {
        return new Key(ItemLayout.STAFF_INVITATION + "#" + id.value(), ItemLayout.STAFF_INVITATION);
    }

    public static Key sessionKey(String tokenHash) {
        return new Key(ItemLayout.STAFF_TOKEN + "#" + tokenHash, ItemLayout.STAFF_TOKEN);
    }

    public static Item item(StaffMember m) {
        Item.Builder item = Item.builder(key(m.id())).put(TYPE, ItemLayout.STAFF).put(STAFF_ID, m.id().value())
                .put(ItemLayout.EMAIL_ADDRESS, m.email().value()).put(NAME, m.name()).put(ROLE, m.role().wire())
                .put(ACTIVE, m.active()).put(CREATED_AT, ItemKeys.instant(m.createdAt())).put(VERSION, m.version());
        m.passwordHash().ifPresent(hash -> item.put(ItemLayout.PASSWORD_HASH, hash));
        return item.build();
    }

    public static StaffMember member(Item item) {
        return new StaffMember(new StaffId(item.string(STAFF_ID)), new EmailAddress(item.string(ItemLayout.EMAIL_ADDRESS)),
                item.string(NAME), StaffRole.fromWire(item.string(ROLE)).orElseThrow(),
                item.optString(ItemLayout.PASSWORD_HASH), item.bool(ACTIVE), ItemKeys.instant(item.string(CREATED_AT)),
                item.longValue(VERSION));
    }

    /** The item that makes the address taken among the staff, naming its owner. */
    public static Item emailOwner(StaffMember m) {
        return Item.builder(emailKey(m.email())).put(TYPE, ItemLayout.STAFF_EMAIL).put(STAFF_ID, m.id().value()).build();
    }

    public static Item invitation(Invitation i) {
        return Item.builder(invitationKey(i.staff())).put(TYPE, ItemLayout.STAFF_INVITATION)
                .put(STAFF_ID, i.staff().value()).put(TOKEN_HASH, i.tokenHash())
                .put(ISSUED_AT, ItemKeys.instant(i.issuedAt())).put(EXPIRES_AT_INSTANT, ItemKeys.instant(i.expiresAt()))
                .put(EXPIRES_AT, ExpiringRecords.ttl(i.expiresAt())).build();
    }

    public static Invitation invitation(Item item) {
        return new Invitation(new StaffId(item.string(STAFF_ID)), item.string(TOKEN_HASH),
                ItemKeys.instant(item.string(ISSUED_AT)), ItemKeys.instant(item.string(EXPIRES_AT_INSTANT)));
    }

    public static Item session(Session s) {
        return Item.builder(sessionKey(s.tokenHash())).put(TYPE, ItemLayout.STAFF_TOKEN)
                .put(STAFF_ID, s.staff().value()).put(ISSUED_AT, ItemKeys.instant(s.issuedAt()))
                .put(EXPIRES_AT_INSTANT, ItemKeys.instant(s.expiresAt()))
                .put(EXPIRES_AT, ExpiringRecords.ttl(s.expiresAt())).build();
    }

    public static Session session(String tokenHash, Item item) {
        return new Session(tokenHash, new StaffId(item.string(STAFF_ID)), ItemKeys.instant(item.string(ISSUED_AT)),
                ItemKeys.instant(item.string(EXPIRES_AT_INSTANT)));
    }
}
