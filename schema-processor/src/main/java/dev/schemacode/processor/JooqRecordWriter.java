package dev.schemacode.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * One record class, as jOOQ's code generator writes it: an {@code UpdatableRecordImpl} keyed by the
 * primary key (a {@code TableRecordImpl} without one), with a typed getter and setter per column and
 * a constructor taking every column. The entity itself stays the POJO: records convert to and from it
 * with {@code into(Customer.class)} and {@code DSLContext.newRecord(CUSTOMER, customer)}.
 */
final class JooqRecordWriter {
  private static final ClassName UPDATABLE_RECORD_IMPL = ClassName.get("org.jooq.impl", "UpdatableRecordImpl");
  private static final ClassName TABLE_RECORD_IMPL = ClassName.get("org.jooq.impl", "TableRecordImpl");

  TypeSpec type(JooqTable jt) {
    boolean keyed = jt.table().primaryKey().isPresent();
    ClassName record = jt.record();
    TypeSpec.Builder type = TypeSpec.classBuilder(record)
        .addModifiers(Modifier.PUBLIC)
        .superclass(ParameterizedTypeName.get(keyed ? UPDATABLE_RECORD_IMPL : TABLE_RECORD_IMPL, record))
        .addAnnotation(JooqMetamodelWriter.generated())
        .addAnnotation(JooqMetamodelWriter.suppressWarnings())
        .addJavadoc("A row of {@code $L}, declared by {@link $L}.\n", jt.table().name(), jt.entityClass());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("A detached, empty record.\n")
        .addStatement("super($L)", jt.reference()).build());
    MethodSpec.Builder all = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("A detached record with every column set (and none of them marked changed where it is null).\n")
        .addStatement("super($L)", jt.reference());
    List<JooqTable.Field> fields = jt.fields();
    for (int i = 0; i < fields.size(); i++) {
      JooqTable.Field field = fields.get(i);
      TypeName javaType = field.mapping().javaType();
      String parameter = JooqNames.camelName(field.property());
      type.addMethod(MethodSpec.methodBuilder("set" + field.property()).addModifiers(Modifier.PUBLIC)
          .addJavadoc("Sets {@code $L}.\n", field.column().name())
          .addParameter(javaType, "value")
          .addStatement("set($L, value)", i).build());
      type.addMethod(MethodSpec.methodBuilder("get" + field.property()).addModifiers(Modifier.PUBLIC)
          .addJavadoc("{@code $L $L$L}\n", field.column().name(), field.column().type(), field.column().nullable() ? "" : " NOT NULL")
          .returns(javaType)
          .addStatement("return ($T) get($L)", javaType, i).build());
      all.addParameter(javaType, parameter);
      all.addStatement("set$L($L)", field.property(), parameter);
    }
    all.addStatement("resetChangedOnNotNull()");
    if (!fields.isEmpty() && fields.size() <= 255) {
      type.addMethod(all.build());
    }
    jt.table().primaryKey().filter(pk -> pk.columns().size() <= 22).ifPresent(pk -> {
      TypeName[] keyTypes = pk.columns().stream()
          .map(c -> jt.field(c).orElseThrow().mapping().javaType().box()).toArray(TypeName[]::new);
      type.addMethod(MethodSpec.methodBuilder("key").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(ClassName.get("org.jooq", "Record" + keyTypes.length), keyTypes))
          .addStatement("return ($T) super.key()", ClassName.get("org.jooq", "Record" + keyTypes.length)).build());
    });
    return type.build();
  }
}
