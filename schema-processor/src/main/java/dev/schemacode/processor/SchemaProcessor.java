package dev.schemacode.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.schemacode.model.DeclaredSchema;
import dev.schemacode.model.Ledger;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The schemacode annotation processor. Pipeline: scan each {@code @Table} class into a model table
 * as the round that sees it runs (reporting mistakes on the element), then, once every round is
 * over, compare the tables with the ledger and write the next migration.
 *
 * <p>Options: {@code -Aschemacode.migrations=<dir>}, {@code -Aschemacode.mode=generate|verify|push},
 * {@code -Aschemacode.resourcePath=<class-path folder>} and {@code -Aschemacode.debug=true}.
 */
@AutoService(Processor.class)
public final class SchemaProcessor extends AbstractProcessor {
  static final String OPTION_MIGRATIONS = "schemacode.migrations";
  static final String OPTION_MODE = "schemacode.mode";
  static final String OPTION_RESOURCE_PATH = "schemacode.resourcePath";
  static final String OPTION_DEBUG = "schemacode.debug";
  static final String OPTION_NAME = "schemacode.name";
  static final String OPTION_LOCK_TIMEOUT = "schemacode.lockTimeout";
  static final String OPTION_INDEX_CLASS = "schemacode.indexClass";
  static final String OPTION_JOOQ = "schemacode.jooq";
  /** The schema the jOOQ metamodel gives tables declared without one; unset, they follow search_path. */
  static final String OPTION_JOOQ_SCHEMA = "schemacode.jooq.schema";
  static final String OPTION_GENERATION_WAIT = "schemacode.generationWait";

  private final Map<String, DeclaredEntity> entitiesByTable = new LinkedHashMap<>();
  private final Set<String> classesWithErrors = new HashSet<>();
  private final Set<String> acknowledged = new HashSet<>();
  private Optional<URI> firstSourceFile = Optional.empty();
  private Optional<SchemaAssembler.Assembly> assembly = Optional.empty();
  private Optional<MigrationsLocation> location;
  private MigrationsDirectory migrationsDirectory;
  /** The migrations are generated once, in the first round that sees entities. */
  private boolean done;
  private Reporter reporter;
  /** The work's phases, timed for the note {@code -Aschemacode.debug=true} prints. */
  private Timings timings;
  /** A seam for tests that need the processor to fail unexpectedly; does nothing in real use. */
  private final java.util.function.Consumer<Element> beforeScan;

  /** A seam for tests of concurrent builds: runs once the ledger has been read, under the lock. */
  private final Runnable afterLedgerRead;

  public SchemaProcessor() {
    this(element -> { });
  }

  SchemaProcessor(java.util.function.Consumer<Element> beforeScan) {
    this(beforeScan, () -> { });
  }

  SchemaProcessor(java.util.function.Consumer<Element> beforeScan, Runnable afterLedgerRead) {
    this.beforeScan = beforeScan;
    this.afterLedgerRead = afterLedgerRead;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(dev.schemacode.annotations.Table.class.getCanonicalName(),
        dev.schemacode.annotations.PgEnum.class.getCanonicalName(),
        dev.schemacode.annotations.AcknowledgeDataLoss.class.getCanonicalName(),
        dev.schemacode.annotations.AcknowledgeDataLoss.List.class.getCanonicalName());
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(OPTION_MIGRATIONS, OPTION_MODE, OPTION_RESOURCE_PATH, OPTION_DEBUG, OPTION_NAME, OPTION_LOCK_TIMEOUT,
        OPTION_INDEX_CLASS, OPTION_JOOQ, OPTION_JOOQ_SCHEMA, OPTION_GENERATION_WAIT);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (reporter == null) {
      reporter = new Reporter(processingEnv.getMessager());
    }
    Element current = null;
    try {
      if (!round.processingOver()) {
        timings = new Timings(); // this round's: the note is about the round that does the work
        EntityScanner scanner = new EntityScanner(reporter, processingEnv.getTypeUtils());
        List<Element> newEntities = new ArrayList<>();
        for (Element element : round.getElementsAnnotatedWith(dev.schemacode.annotations.Table.class)) {
          current = element;
          if (done) {
            newEntities.add(element);
            continue;
          }
          beforeScan.accept(element);
          Optional<DeclaredEntity> entity = scanner.scan(element);
          if (entity.isPresent()) {
            add(element, entity.get());
          } else if (element instanceof TypeElement type) {
            classesWithErrors.add(type.getQualifiedName().toString());
          }
          rememberSourceFile(element);
        }
        // Repeated, the annotation is held by its container: ask for both, read through getAnnotationsByType.
        Set<Element> acknowledging = new HashSet<>(round.getElementsAnnotatedWithAny(Set.of(
            dev.schemacode.annotations.AcknowledgeDataLoss.class, dev.schemacode.annotations.AcknowledgeDataLoss.List.class)));
        for (Element element : acknowledging) {
          for (var annotation : element.getAnnotationsByType(dev.schemacode.annotations.AcknowledgeDataLoss.class)) {
            for (String value : annotation.value()) {
              acknowledged.add(value.strip());
            }
          }
        }
        for (Element element : round.getElementsAnnotatedWith(dev.schemacode.annotations.PgEnum.class)) {
          if (element.getKind() != ElementKind.ENUM) {
            reporter.error(element, Diagnostic.PG_ENUM_TARGET, element.getSimpleName());
          }
        }
        current = null;
        timings.lap("scanning " + entitiesByTable.size() + " entities");
        if (!entitiesByTable.isEmpty() && !done) {
          done = true;
          // Everything runs in the round that scanned the entities: javac places messages on elements
          // of the current round only, and the Java index must be written before the last round.
          if (!reporter.hasErrors()) {
            location().ifPresent(this::assembleAndGenerate);
          }
          if (Boolean.parseBoolean(processingEnv.getOptions().get(OPTION_DEBUG))) {
            reporter.note(Diagnostic.TIMINGS, timings.summary());
          }
        } else if (done && !newEntities.isEmpty()) {
          reporter.error(newEntities.get(0), Diagnostic.LATE_ENTITY, newEntities.get(0));
        }
      }
    } catch (RuntimeException | Error e) {
      reportUnexpected(current, e);
    }
    return false;
  }

  private void add(Element element, DeclaredEntity entity) {
    String key = entity.table().name().toString();
    DeclaredEntity previous = entitiesByTable.putIfAbsent(key, entity);
    if (previous != null && !previous.className().equals(entity.className())) {
      reporter.error(element, Diagnostic.DUPLICATE_TABLE, key, previous.className(), entity.className());
    }
  }

  /**
   * Everything from reading the ledger to writing the next one happens under the directory's
   * {@link GenerationLock} when generating, so a build that ran concurrently has either recorded
   * its migration before this one reads the ledger, or waits for this one.
   */
  private void assembleAndGenerate(MigrationsLocation where) {
    Optional<GenerationLock> lock = lock(where);
    if (lock.isEmpty()) {
      return;
    }
    try (GenerationLock held = lock.get()) {
      timings.lap("taking the generation lock");
      Ledger recorded = recordedLedger(where);
      timings.lap("reading the ledger");
      afterLedgerRead.run();
      DeclaredSchemaFile declaredFile = new DeclaredSchemaFile(processingEnv.getFiler(), where, reporter);
      Optional<DeclaredSchema> previous = declaredFile.previous(recorded);
      assembly = new SchemaAssembler(reporter, processingEnv.getElementUtils())
          .assemble(new ArrayList<>(entitiesByTable.values()), classesWithErrors, DeclaredSchemaFile.base(recorded, previous));
      timings.lap("assembling the schema");
      if (assembly.isPresent() && !reporter.hasErrors()) {
        generate().filter(ledger -> !reporter.hasErrors()).ifPresent(ledger -> {
          SchemaAssembler.Assembly declared = assembly.get();
          declaredFile.write(new DeclaredSchema(declared.schema(),
              DeclaredSchemaFile.renames(declared.renames(), previous, declared.elements().keySet()),
              declared.declaredBy(), ledger.head()));
          timings.lap("writing the declared schema");
        });
      }
    }
  }

  /** The generation lock in generate mode; a lock that holds nothing in verify mode, which writes nothing. */
  private Optional<GenerationLock> lock(MigrationsLocation where) {
    Optional<Mode> mode = mode();
    if (mode.isEmpty()) {
      return Optional.empty();
    }
    if (!mode.get().writesMigrations()) {
      return Optional.of(GenerationLock.NONE);
    }
    Duration wait = GenerationLock.DEFAULT_WAIT;
    String option = processingEnv.getOptions().get(OPTION_GENERATION_WAIT);
    if (option != null) {
      try {
        wait = Duration.ofSeconds(Long.parseLong(option.trim()));
      } catch (NumberFormatException | ArithmeticException e) {
        reporter.error(Diagnostic.BAD_GENERATION_WAIT, option);
        return Optional.empty();
      }
    }
    Duration limit = wait;
    try {
      Optional<GenerationLock> lock = GenerationLock.acquire(where.directory(), wait,
          file -> reporter.note(Diagnostic.WAITING_FOR_BUILD, where.directory(), file, limit.toSeconds()));
      if (lock.isEmpty()) {
        reporter.error(Diagnostic.GENERATION_LOCKED, where.directory(), limit.toSeconds(),
            GenerationLock.fileFor(where.directory()));
      }
      return lock;
    } catch (IOException e) {
      // no lock to be had (a read-only temporary directory): generate as before locks existed, and say so
      reporter.note(Diagnostic.GENERATION_LOCK_UNAVAILABLE, GenerationLock.fileFor(where.directory()), e);
      return Optional.of(GenerationLock.NONE);
    }
  }

  /** Runs the generator; returns the ledger in effect afterwards, when it could be read. */
  private Optional<Ledger> generate() {
    Optional<Mode> mode = mode();
    Optional<MigrationsLocation> location = location();
    if (mode.isEmpty() || location.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> options = processingEnv.getOptions();
    String example = entitiesByTable.values().stream().map(DeclaredEntity::className).sorted().findFirst().orElse("");
    MigrationGenerator.Settings settings = new MigrationGenerator.Settings(
        Optional.ofNullable(options.get(OPTION_NAME)).filter(name -> !name.isBlank()),
        options.getOrDefault(OPTION_LOCK_TIMEOUT, dev.schemacode.model.MigrationScript.DEFAULT_LOCK_TIMEOUT),
        acknowledged, example);
    Optional<Ledger> ledger = new MigrationGenerator(reporter, processingEnv.getFiler(), mode.get(), location.get(), settings,
        directory(location.get())).run(assembly.get());
    timings.lap("checking the history, diffing and writing migrations");
    ledger.ifPresent(current -> writeIndex(current, location.get(), example));
    timings.lap("writing the index class");
    writeJooqMetamodel();
    timings.lap("writing the jOOQ metamodel");
    return ledger;
  }

  /** jOOQ table classes, when jOOQ is on the class path and not switched off with -Aschemacode.jooq=false. */
  private void writeJooqMetamodel() {
    if (processingEnv.getElementUtils().getTypeElement(JooqMetamodelWriter.JOOQ_TABLE) == null
        || "false".equalsIgnoreCase(processingEnv.getOptions().get(OPTION_JOOQ))) {
      return;
    }
    JooqMetamodelWriter.Metamodel metamodel = new JooqMetamodelWriter(processingEnv.getTypeUtils(),
            processingEnv.getElementUtils(),
            Optional.ofNullable(processingEnv.getOptions().get(OPTION_JOOQ_SCHEMA)).map(String::strip).filter(s -> !s.isEmpty()))
        .files(new ArrayList<>(entitiesByTable.values()), assembly.get().schema(), assembly.get().declaredBy());
    metamodel.unreferenced().forEach(table -> reporter.warning(Diagnostic.JOOQ_TABLE_UNREFERENCED, table));
    for (com.palantir.javapoet.JavaFile file : metamodel.files()) {
      try {
        file.writeTo(processingEnv.getFiler());
      } catch (IOException e) {
        // on the entity whose class it is, or (Tables, Keys, …) on the first entity: an error javac can place
        String name = file.packageName() + "." + file.typeSpec().name();
        List<DeclaredEntity> entities = entitiesByTable.values().stream()
            .sorted(java.util.Comparator.comparing(DeclaredEntity::className)).toList();
        Optional<DeclaredEntity> owner = entities.stream()
            .filter(entity -> name.equals(JooqNames.tableClass(entity.className()).canonicalName())
                || name.equals(JooqNames.recordClass(entity.className()).canonicalName()))
            .findFirst().or(() -> entities.stream().findFirst());
        owner.ifPresentOrElse(entity -> reporter.error(entity.element(), Diagnostic.JOOQ_WRITE_FAILED, name, e.getMessage()),
            () -> reporter.error(Diagnostic.JOOQ_WRITE_FAILED, name, e.getMessage()));
      }
    }
  }

  /**
   * The Java index of migrations, when the runtime's model is on the class path to compile it
   * (an entities-only module without the runtime gets none).
   */
  private void writeIndex(Ledger ledger, MigrationsLocation where, String exampleClass) {
    if (processingEnv.getElementUtils().getTypeElement(MigrationIndexWriter.MIGRATION_INDEX) == null) {
      return;
    }
    String option = processingEnv.getOptions().get(OPTION_INDEX_CLASS);
    String qualified = option != null && !option.isBlank() ? option.strip()
        : packageOf(exampleClass) + "SchemacodeMigrations";
    try {
      MigrationIndexWriter.write(processingEnv.getFiler(), qualified, where.resourcePath(), ledger);
    } catch (IOException e) {
      reporter.error(Diagnostic.WRITE_FAILED, qualified, e);
    }
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot + 1);
  }

  private Optional<Mode> mode() {
    String modeOption = processingEnv.getOptions().getOrDefault(OPTION_MODE, "generate");
    try {
      return Optional.of(Mode.valueOf(modeOption.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      reporter.error(Diagnostic.BAD_MODE, modeOption);
      return Optional.empty();
    }
  }

  /** Where migrations live: the option, else the convention next to the entity sources; reports when neither works. */
  private Optional<MigrationsLocation> location() {
    if (location == null) {
      Map<String, String> options = processingEnv.getOptions();
      Optional<String> resourcePath = Optional.ofNullable(options.get(OPTION_RESOURCE_PATH));
      location = Optional.ofNullable(options.get(OPTION_MIGRATIONS))
          .filter(option -> !option.isBlank())
          .map(option -> MigrationsLocation.of(option, resourcePath))
          .or(() -> firstSourceFile.flatMap(uri -> MigrationsLocation.conventional(uri, resourcePath)));
      if (location.isEmpty()) {
        reporter.error(Diagnostic.MIGRATIONS_DIRECTORY, "no -Aschemacode.migrations option and the entity sources"
            + " are not under src/main/java");
      }
    }
    return location;
  }

  /** The ledger as recorded, for the cross-entity checks; a broken one is reported when generating. */
  private Ledger recordedLedger(MigrationsLocation location) {
    try {
      return directory(location).readLedger().orElse(Ledger.EMPTY);
    } catch (IOException | RuntimeException e) {
      return Ledger.EMPTY;
    }
  }

  /** One {@link MigrationsDirectory} per compilation, so that the ledger is read (and parsed) once. */
  private MigrationsDirectory directory(MigrationsLocation location) {
    if (migrationsDirectory == null || !migrationsDirectory.path().equals(location.directory())) {
      // verify mode, the CI gate, trusts no stamp: neither for the history nor for the ledger's checksum
      Optional<java.nio.file.Path> stamp = mode().filter(mode -> mode != Mode.VERIFY)
          .flatMap(mode -> HistoryStamp.file(processingEnv.getFiler(), location));
      migrationsDirectory = new MigrationsDirectory(location.directory(), stamp);
    }
    return migrationsDirectory;
  }

  private void rememberSourceFile(Element element) {
    if (firstSourceFile.isPresent() || processingEnv.getOptions().containsKey(OPTION_MIGRATIONS)) {
      return;
    }
    try {
      var path = Trees.instance(processingEnv).getPath(element);
      if (path != null) {
        firstSourceFile = Optional.of(path.getCompilationUnit().getSourceFile().toUri());
      }
    } catch (IllegalArgumentException | LinkageError e) {
      // not javac (e.g. Eclipse's compiler): the option is then required, and generate() says so
    }
  }

  private void reportUnexpected(Element element, Throwable e) {
    String where = element == null ? "the migrations" : element.toString();
    String detail = e.toString();
    if (Boolean.parseBoolean(processingEnv.getOptions().get(OPTION_DEBUG))) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      detail = trace.toString();
    }
    if (element == null) {
      reporter.error(Diagnostic.INTERNAL, where, detail);
    } else {
      reporter.error(element, Diagnostic.INTERNAL, where, detail);
    }
  }

}
