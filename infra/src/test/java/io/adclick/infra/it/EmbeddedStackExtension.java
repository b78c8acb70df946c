package io.adclick.infra.it;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts one {@link EmbeddedStack} for the whole test run (kept in the root context's store, so
 * every test class shares it; closed when the run ends) and injects it into tests. When a test
 * fails, the ends of the engines' logs are printed (the state directory is deleted at the end).
 */
public final class EmbeddedStackExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedStackExtension.class);
    private static final int LOG_TAIL_LINES = 60;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        EmbeddedStack stack = context.getRoot().getStore(NAMESPACE).get(EmbeddedStack.class, EmbeddedStack.class);
        Optional.ofNullable(stack).ifPresent(s -> s.printLogTails(LOG_TAIL_LINES));
    }

    private static EmbeddedStack stack(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmbeddedStack.class, type -> EmbeddedStack.start(), EmbeddedStack.class);
    }
}
