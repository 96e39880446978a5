package com.ticketbounty.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of usernames, e-mail addresses and passwords, and who is an administrator. */
class AccountRulesTest {

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
  void makesAdministratorsOfTheListedAddressesWhateverTheirCase() {
    AdminEmails admins = AdminEmails.parse(" Root@Example.com, ,boss@example.com ");
    assertThat(admins.roleFor(new EmailAddress("root@example.com"))).isEqualTo(Role.ADMIN);
    assertThat(admins.roleFor(new EmailAddress("boss@example.com"))).isEqualTo(Role.ADMIN);
    assertThat(admins.roleFor(new EmailAddress("ada@example.com"))).isEqualTo(Role.USER);
    assertThat(AdminEmails.parse("").roleFor(new EmailAddress("root@example.com")))
        .isEqualTo(Role.USER);
  }
}
