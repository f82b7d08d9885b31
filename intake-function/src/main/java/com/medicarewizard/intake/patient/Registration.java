package com.medicarewizard.intake.patient;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.PasswordPolicy;
import com.medicarewizard.domain.patient.PhoneNumber;
import com.medicarewizard.domain.patient.TaxCode;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.Request;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A checked registration form. Every field is checked, all problems reported together: e-mail,
 * password (the {@link PasswordPolicy}), names of 1-100 characters without control characters,
 * a mobile phone as people write it ({@link PhoneInput}, kept in E.164), a tax code whose check
 * character matches (case and spaces aside), a date of birth in the past and at
 * most {@link #MAX_AGE_YEARS} years ago, and an optional language ({@code en} or {@code it},
 * otherwise taken from Accept-Language).
 */
record Registration(EmailAddress email, String password, String firstName, String lastName, PhoneNumber phone,
                    TaxCode taxCode, LocalDate dateOfBirth, String language) {
    static final int MAX_AGE_YEARS = 130;
    private static final int MAX_NAME = 100;
    /** Sixteen characters and the spaces a patient may put between their groups. */
    private static final int TAX_CODE_INPUT = 32;
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    static Registration read(ObjectNode body, Request request, PasswordPolicy policy, LocalDate today) {
        return read(body, request, Optional.of(policy), today);
    }

    /**
     * The form of an account a member of staff makes for a patient: the same fields but the password, which
     * the patient sets later themselves ({@code password} is then null).
     */
    static Registration withoutPassword(ObjectNode body, Request request, LocalDate today) {
        return read(body, request, Optional.empty(), today);
    }

    private static Registration read(ObjectNode body, Request request, Optional<PasswordPolicy> policy,
                                     LocalDate today) {
        Form form = new Form(body);
        Optional<EmailAddress> email = form.email("email");
        Optional<String> password = policy.flatMap(rules -> password(form, rules, email));
        Optional<String> first = name(form, "firstName");
        Optional<String> last = name(form, "lastName");
        Optional<PhoneNumber> phone = parse(form, "phone", PhoneInput.MAX_LENGTH, PhoneInput::parse);
        // as on the health card, often copied with spaces between its groups
        Optional<TaxCode> taxCode = parse(form, "taxCode", TAX_CODE_INPUT,
                text -> new TaxCode(WHITESPACE.matcher(text).replaceAll("")), "must be a valid Italian tax code");
        Optional<LocalDate> born = dateOfBirth(form, today);
        String language = language(form, request);
        form.check();
        return new Registration(email.orElseThrow(), password.orElse(null), first.orElseThrow(), last.orElseThrow(),
                phone.orElseThrow(), taxCode.orElseThrow(), born.orElseThrow(), language);
    }

    private static Optional<String> password(Form form, PasswordPolicy policy, Optional<EmailAddress> email) {
        Optional<String> password = form.required("password", 1024);
        password.flatMap(p -> policy.weakness(p, email.map(EmailAddress::value).orElse(null)))
                .ifPresent(weak -> form.reject("password", weak.message(), weak.code()));
        return password;
    }

    /** The field read by {@code parser}, or rejected with {@code message} when it refuses it. */
    private static <T> Optional<T> parse(Form form, String field, int max, Function<String, T> parser, String message) {
        return parse(form, field, max, text -> {
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(message, e);
            }
        });
    }

    /** The field read by {@code parser}, or rejected with the words of its refusal. */
    private static <T> Optional<T> parse(Form form, String field, int max, Function<String, T> parser) {
        Optional<String> text = form.required(field, max);
        try {
            return text.map(parser);
        } catch (IllegalArgumentException e) {
            form.reject(field, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> name(Form form, String field) {
        Optional<String> name = form.required(field, MAX_NAME).map(String::strip);
        if (name.isPresent() && name.get().codePoints().anyMatch(Character::isISOControl)) {
            form.reject(field, "must not contain control characters");
            return Optional.empty();
        }
        return name;
    }

    private static Optional<LocalDate> dateOfBirth(Form form, LocalDate today) {
        Optional<String> text = form.required("dateOfBirth", 10);
        try {
            Optional<LocalDate> date = text.map(LocalDate::parse);
            if (date.isPresent() && (!date.get().isBefore(today) || date.get().isBefore(today.minusYears(MAX_AGE_YEARS)))) {
                form.reject("dateOfBirth", "must be a date in the past, at most " + MAX_AGE_YEARS + " years ago");
                return Optional.empty();
            }
            return date;
        } catch (DateTimeParseException e) {
            form.reject("dateOfBirth", "must be a date YYYY-MM-DD");
            return Optional.empty();
        }
    }

    private static String language(Form form, Request request) {
        Optional<String> given = form.optional("language", 2);
        if (given.isPresent() && !given.get().equals("en") && !given.get().equals("it")) {
            form.reject("language", "must be en or it");
        }
        return given.orElseGet(() -> request.header("Accept-Language")
                .map(h -> h.strip().toLowerCase(Locale.ROOT).startsWith("it") ? "it" : "en").orElse("en"));
    }
}
