package org.demarche.record;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.UUID;
import org.hibernate.annotations.IdGeneratorType;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.EventTypeSets;

/** A random UUID id, or the one the entity already has when it is persisted (an imported record keeps its id). */
@IdGeneratorType(AssignableUuid.Generator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface AssignableUuid {

    /** Hibernate's side of {@link AssignableUuid}. */
    class Generator implements BeforeExecutionGenerator {

        @Override
        public Object generate(
                SharedSessionContractImplementor session, Object owner, Object currentValue, EventType eventType) {
            return currentValue != null ? currentValue : UUID.randomUUID();
        }

        @Override
        public EnumSet<EventType> getEventTypes() {
            return EventTypeSets.INSERT_ONLY;
        }

        @Override
        public boolean allowAssignedIdentifiers() {
            return true;
        }
    }
}
