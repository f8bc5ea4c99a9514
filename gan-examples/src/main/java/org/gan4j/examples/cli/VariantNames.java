package org.gan4j.examples.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import org.gan4j.core.train.VariantProvider;

/**
 * The names of the variants on the class path (built-in and plug-ins), from their {@link VariantProvider}s:
 * help texts list them as {@code ${COMPLETION-CANDIDATES}}.
 */
final class VariantNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(VariantProvider.class).forEach(p -> names.add(p.name()));
        return names.iterator();
    }
}
