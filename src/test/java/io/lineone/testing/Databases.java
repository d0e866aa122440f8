package io.lineone.testing;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Yields each test a fresh {@link TestDatabase} on H2, then one on PostgreSQL: the same test, both databases. */
public final class Databases implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        return Stream.<Supplier<TestDatabase>>of(TestDatabase::h2, () -> TestDatabase.postgres(SharedPostgres.get(context)))
                .map(database -> Arguments.of(database.get()));
    }
}
