package com.ticketbounty.localstack;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service's database and the login role of the same name that owns it and is the only role
 * allowed to connect to it. Its password, where given, is set on every run, so changing the
 * variable changes the password; where none is given the role keeps the one it has (none on a
 * trust-authenticated development server, where it is not needed).
 */
public record ServiceDatabase(String name, Optional<String> password) {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public ServiceDatabase {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: %s".formatted(name));
    }
    password = password.filter(value -> !value.isEmpty());
  }

  public static ServiceDatabase withoutPassword(String name) {
    return new ServiceDatabase(name, Optional.empty());
  }

  /**
   * {@code <database>} or {@code <database>=<VARIABLE>}: the role's password is read from that
   * environment variable, so that it never shows on a command line.
   */
  public static ServiceDatabase parse(String argument, Map<String, String> environment) {
    int equals = argument.indexOf('=');
    if (equals < 0) {
      return withoutPassword(argument);
    }
    String variable = argument.substring(equals + 1);
    return new ServiceDatabase(
        argument.substring(0, equals), Optional.ofNullable(environment.get(variable)));
  }

  /** The login role the service connects as. */
  public String role() {
    return name;
  }

  @Override
  public String toString() {
    return name; // never the password
  }
}
