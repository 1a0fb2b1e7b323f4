package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemacode.processor.ProcessorHarness.compile;
import static dev.schemacode.processor.ProcessorHarness.snapshot;
import static dev.schemacode.processor.ProcessorHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemacode.model.Column;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NullabilityTest {
  @TempDir Path migrations;

  @Test
  void followsTheJavaType() {
    JavaFileObject ownNullable = source("com.example.Nullable",
        "package com.example;",
        "import java.lang.annotation.*;",
        "@Retention(RetentionPolicy.CLASS) @Target(ElementType.FIELD) public @interface Nullable {}");
    JavaFileObject entity = source("com.example.Sample",
        "package com.example;",
        "import dev.schemacode.annotations.*;",
        "@Table",
        "public class Sample {",
        "  @Id @Identity @org.jspecify.annotations.Nullable Long id;",
        "  int primitive;",
        "  Integer boxed;",
        "  @org.jspecify.annotations.Nullable String jspecify;",
        "  @Nullable String declaration;",
        "  java.util.Optional<java.time.LocalDate> optional;",
        "  double ratio;",
        "  boolean active;",
        "  java.time.Duration timeout;",
        "  @Column(type = \"citext\") @org.jspecify.annotations.Nullable String nickname;",
        "  @org.jspecify.annotations.Nullable byte[] picture;",
        "  byte @org.jspecify.annotations.Nullable [] thumbnail;",
        "  byte[] required;",
        "  @org.jspecify.annotations.Nullable String[] elementsNullable;",
        "  String @org.jspecify.annotations.Nullable [] arrayNullable;",
        "  java.util.Optional<java.util.List<Long>> optionalList;",
        "}");
    assertThat(compile(migrations, ownNullable, entity)).succeeded();
    Ledger ledger = LedgerCodec.read(snapshot(migrations).get(Ledger.FILE_NAME), "ledger");
    assertEquals(List.of(
        Column.identity("id", "bigint"),
        Column.required("primitive", "integer"),
        Column.required("boxed", "integer"),
        Column.optional("jspecify", "text"),
        Column.optional("declaration", "text"),
        Column.optional("optional", "date"),
        Column.required("ratio", "double precision"),
        Column.required("active", "boolean"),
        Column.required("timeout", "interval"),
        Column.optional("nickname", "citext"),
        Column.optional("picture", "bytea"),
        Column.optional("thumbnail", "bytea"),
        Column.required("required", "bytea"),
        Column.required("elements_nullable", "text[]"),
        Column.optional("array_nullable", "text[]"),
        Column.optional("optional_list", "bigint[]")),
        ledger.schema().tables().get(0).columns());
  }
}
