package com.ticketbounty.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of usernames, e-mail addresses and passwords, and who is an administrator. */
class AccountRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"abc", "twenty-chars-exactly", "Ada_Lovelace", "ünïcødé"})
  void acceptsUsernamesOfThreeToTwentyCharactersWithoutWhitespace(String name) {
    assertThat(Username.of(name).value()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "ab", "twenty-one-characters", "has space", "tab\tbed", "nbsp\u00a0x"})
  void refusesOtherUsernamesNamingTheField(String name) {
    assertThatThrownBy(() -> Username.of(name))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("username"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bell\u0007x",
        "nul\u0000x",
        "del\u007fx",
        "zero\u200bwidth",
        "join\u200dx",
        "rtl\u202eoverride",
        "soft\u00adhyphen",
        "bom\ufeffx",
        "tag\udb40\udc41x",
        "lone\ud800x"
      })
  void refusesControlAndFormatCharactersNamingTheField(String name) {
    assertThatThrownBy(() -> Username.of(name))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation(
                            "username", "must not contain control or format characters")));
  }

  @Test
  void keepsUsernamesInNfcSoThatComposedAndDecomposedAreOneName() {
    Username composed = Username.of("Jos\u00e9");
    Username decomposed = Username.of("Jose\u0301");

    assertThat(decomposed).isEqualTo(composed);
    assertThat(decomposed.value()).isEqualTo("Jos\u00e9").hasSize(4);
  }

  @Test
  void countsTheLengthInNfc() {
    // 40 code points as typed, 20 characters in NFC.
    assertThat(Username.of("e\u0301".repeat(20)).value()).isEqualTo("\u00e9".repeat(20));
    assertThatThrownBy(() -> Username.of("e\u0301".repeat(21)))
        .isInstanceOf(BrokenRulesException.class);
  }

  @Test
  void aStoredNameLoadsAsItIsEvenWhereTodaysRulesRefuseIt() {
    assertThat(Username.stored("old\u200bname").value()).isEqualTo("old\u200bname");
  }

  @Test
  void keepsEmailAddressesLowerCasedAndStripped() {
    assertThat(EmailAddress.of("  Ada@Example.COM ", "email").value()).isEqualTo("ada@example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ada",
        "ada@",
        "@example.com",
        "ada@example",
        "a b@example.com",
        "a@@b.com",
        "ada@example."
      })
  void refusesImplausibleAddresses(String address) {
    assertThatThrownBy(() -> EmailAddress.of(address, "email"))
        .isInstanceOf(BrokenRulesException.class);
    assertThat(EmailAddress.lookup(address)).isEmpty();
  }

  @Test
  void refusesAnAddressLongerThan254Characters() {
    String local = "a".repeat(250);
    assertThat(EmailAddress.lookup(local + "@example.com")).isEmpty();
  }

  @Test
  void acceptsPasswordsOfEightCharactersWithoutWhitespaceAndNeverPrintsThem() {
    PlainPassword password = PlainPassword.chosen("12345678", "password");
    assertThat(password.reveal()).isEqualTo("12345678");
    assertThat(password.toString()).isEqualTo("[redacted]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1234567", "has spaces", "line\nbreak", "lone\ud800surrogate"})
  void refusesShortSpacedOrMalformedPasswordsNamingTheGivenField(String password) {
    assertThatThrownBy(() -> PlainPassword.chosen(password, "newPassword"))
        .isInstanceOfSatisfying(
            BrokenRulesException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("newPassword"));
  }

  @Test
  void listsAdministratorAddressesWhateverTheirCase() {
    AdminEmails admins = AdminEmails.parse(" Root@Example.com, ,boss@example.com ");
    assertThat(admins.includes(new EmailAddress("root@example.com"))).isTrue();
    assertThat(admins.includes(new EmailAddress("boss@example.com"))).isTrue();
    assertThat(admins.includes(new EmailAddress("ada@example.com"))).isFalse();
    assertThat(AdminEmails.parse("").includes(new EmailAddress("root@example.com"))).isFalse();
  }

  @Test
  void aListedAddressMakesAnAdministratorOnlyOnceItIsVerified() {
    AdminEmails admins = AdminEmails.parse("root@example.com");
    User root = account("root@example.com");

    assertThat(root.role()).isEqualTo(Role.USER);
    User verified = root.verified(NOW, admins);

    assertThat(verified.role()).isEqualTo(Role.ADMIN);
    assertThat(verified.emailVerifiedAt()).contains(NOW);
    assertThat(verified.version()).isEqualTo(2);
    assertThat(verified.verified(NOW.plusSeconds(60), admins)).isSameAs(verified);
  }

  @Test
  void anAddressListedAfterItWasVerifiedMakesAnAdministratorAtTheNextProof() {
    User ada = account("ada@example.com").verified(NOW, AdminEmails.parse(""));
    assertThat(ada.role()).isEqualTo(Role.USER);

    User admin = ada.verified(NOW.plusSeconds(60), AdminEmails.parse("ada@example.com"));

    assertThat(admin.role()).isEqualTo(Role.ADMIN);
    assertThat(admin.version()).isEqualTo(3);
    // The first proof is when the address was verified.
    assertThat(admin.emailVerifiedAt()).contains(NOW);
    // No address list takes the role away.
    assertThat(admin.verified(NOW.plusSeconds(120), AdminEmails.parse(""))).isSameAs(admin);
  }

  private static User account(String email) {
    return User.signUp(
        UUID.randomUUID(), Username.of("someone"), new EmailAddress(email), "hash", NOW);
  }
}
