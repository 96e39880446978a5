package com.ticketbounty.eventruntime.internal;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.CelTypes;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one CEL environment every event expression is compiled in. {@code event} (and {@code async}
 * for a waitForEvent match) is declared as a struct with exactly the wire fields, so a misspelt
 * field ({@code event.nmae}) or a comparison of {@code event.ts} with a string fails when the
 * function is defined rather than silently never matching; {@code data} is a map of dynamic values
 * whose fields are only known at evaluation. At evaluation the variables are plain maps ({@link
 * CelEventValues}), which CEL selects fields of like those of the declared struct.
 *
 * <p>CEL's compiler, runtime and programs are immutable and thread-safe, so one program is shared
 * by every thread that evaluates it.
 */
final class CelEventEnvironment {
  static final String EVENT = "event";
  static final String ASYNC = "async";

  /** Bounds each {@code exists}/{@code all}/{@code map} so a huge list cannot hog a worker. */
  static final int MAX_COMPREHENSION_ITERATIONS = 10_000;

  private static final CelOptions OPTIONS =
      CelOptions.current()
          // JSON does not say int or double: 5000.5 >= 5000 must be true, not a type error.
          .enableHeterogeneousNumericComparisons(true)
          .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
          .build();

  private static final StructType USER =
      struct("ticketbounty.event.User", Map.of("id", SimpleType.STRING));
  private static final StructType EVENT_TYPE =
      struct(
          "ticketbounty.event.Event",
          Map.of(
              "id", SimpleType.STRING,
              "name", SimpleType.STRING,
              "v", SimpleType.STRING,
              "ts", SimpleType.INT,
              "data", MapType.create(SimpleType.STRING, SimpleType.DYN),
              "user", USER));

  private static final CelCompiler TRIGGER = compiler(Set.of(EVENT));
  private static final CelCompiler TRIGGER_AND_CANDIDATE = compiler(Set.of(EVENT, ASYNC));
  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

  private CelEventEnvironment() {}

  /**
   * Parses and type-checks {@code source}.
   *
   * @param what what the expression is for, as the error message should call it
   * @param variables {@code event}, or {@code event} and {@code async}
   * @param results the result types the caller can use; {@code dyn} (a value read from {@code
   *     data}) is always accepted and checked at evaluation
   * @throws IllegalArgumentException naming the expression and what is wrong with it
   */
  static CompiledExpression compile(
      String what, String source, Set<String> variables, Set<CelKind> results) {
    CelCompiler compiler = variables.contains(ASYNC) ? TRIGGER_AND_CANDIDATE : TRIGGER;
    CelValidationResult checked = compiler.compile(source);
    if (checked.hasError()) {
      throw new IllegalArgumentException(
          what + " '" + source + "' does not compile: " + checked.getErrorString());
    }
    try {
      CelAbstractSyntaxTree ast = checked.getAst();
      CelType result = ast.getResultType();
      if (result.kind() != CelKind.DYN && !results.contains(result.kind())) {
        throw new IllegalArgumentException(
            what
                + " '"
                + source
                + "' returns "
                + CelTypes.format(result)
                + ", expected "
                + names(results));
      }
      return new CompiledExpression(what, source, ast, RUNTIME.createProgram(ast));
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalArgumentException(
          what + " '" + source + "' is invalid: " + e.getMessage(), e);
    }
  }

  private static String names(Set<CelKind> kinds) {
    return EnumSet.copyOf(kinds).stream()
        .map(kind -> kind.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(" or "));
  }

  private static CelCompiler compiler(Set<String> variables) {
    var builder =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setTypeProvider(new Declared(ImmutableList.of(EVENT_TYPE, USER)));
    variables.forEach(variable -> builder.addVar(variable, EVENT_TYPE));
    return builder.build();
  }

  private static StructType struct(String name, Map<String, CelType> fields) {
    return StructType.create(
        name,
        ImmutableSet.copyOf(fields.keySet()),
        field -> Optional.ofNullable(fields.get(field)));
  }

  /** Lets the type checker find the declared struct types by name. */
  private record Declared(ImmutableList<CelType> declared) implements CelTypeProvider {
    @Override
    public Optional<CelType> findType(String name) {
      return declared.stream().filter(type -> type.name().equals(name)).findFirst();
    }

    @Override
    public ImmutableCollection<CelType> types() {
      return declared;
    }
  }
}
