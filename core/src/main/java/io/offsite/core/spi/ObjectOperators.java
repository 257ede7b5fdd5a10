package io.offsite.core.spi;

import io.offsite.core.InvalidValueException;
import io.offsite.core.objects.ObjectOperator;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who operates a managed object (经营者登记): the host's business-licence or shop registry, asked for the operator a
 * shop-front warning is texted to and a case is filed against. Return empty when the object has no registered
 * operator; throw when the registry cannot answer. Use {@link #of(Collection)} for a fixed table.
 */
@FunctionalInterface
public interface ObjectOperators {

    /** The registered operator of {@code objectId}, or empty when none is registered. */
    Optional<ObjectOperator> operatorOf(String objectId);

    /**
     * A fixed table of operators keyed by {@link ObjectOperator#objectId()}.
     *
     * @throws InvalidValueException when two operators name the same object
     */
    static ObjectOperators of(Collection<ObjectOperator> operators) {
        Objects.requireNonNull(operators, "operators");
        Map<String, ObjectOperator> table = new LinkedHashMap<>();
        for (ObjectOperator o : operators) {
            Objects.requireNonNull(o, "operator");
            if (table.putIfAbsent(o.objectId(), o) != null) {
                throw new InvalidValueException("object " + o.objectId() + " has two registered operators");
            }
        }
        Map<String, ObjectOperator> copy = Map.copyOf(table);
        return objectId -> Optional.ofNullable(copy.get(Objects.requireNonNull(objectId, "objectId")));
    }
}
