package dev.microblog.localstack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One stack for the whole test JVM, in memory, on free ports, without demo data: test classes take
 * it as a parameter ({@code @ExtendWith(LocalStackExtension.class)}) and tell their data apart by
 * unique usernames. JUnit closes it when the last test is done.
 */
public final class LocalStackExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(LocalStack.class, key -> start(), LocalStack.class);
  }

  private static LocalStack start() {
    try {
      return LocalStack.start(Options.inMemory(Repo.root(), false));
    } catch (Exception e) {
      throw new IllegalStateException("The local stack did not start: " + e.getMessage(), e);
    }
  }
}
