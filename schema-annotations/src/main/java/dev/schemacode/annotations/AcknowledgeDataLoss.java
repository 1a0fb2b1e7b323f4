package dev.schemacode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows the next migration to lose data: schemacode never drops a table or column, narrows a type
 * or removes an enum value unless one of these names that change. The build error for such a change
 * shows the exact line to add, e.g. {@code @AcknowledgeDataLoss("drop column customer.fax")}. Put it
 * on any class of the compilation (or a {@code package-info.java}); once the migration is recorded it
 * has no further effect and can be removed. It is repeatable: one line per change, as each error
 * suggests, or several values in one.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(AcknowledgeDataLoss.List.class)
public @interface AcknowledgeDataLoss {
  /** The changes, as the build error spells them: {@code "drop table legacy_order"}, {@code "drop column customer.fax"}. */
  String[] value();

  /** What javac makes of several {@code @AcknowledgeDataLoss} on one element. */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target({ElementType.TYPE, ElementType.PACKAGE})
  @interface List {
    AcknowledgeDataLoss[] value();
  }
}
