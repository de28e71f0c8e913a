package dev.querylens.architecture;

import java.sql.Connection;
import java.sql.Statement;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import dev.querylens.analysis.AnalyzedRecording;
import dev.querylens.capture.Recording;
import dev.querylens.capture.TransactionLog;
import dev.querylens.store.RecordingStore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the package picture of DESIGN.md: data flows one way, jdbc → capture → analysis →
 * store → report → (web ← web.dashboard | actuate | metrics) with explain beside store,
 * test reads capture and analysis only, with no cycles, each optional third-party library
 * stays inside its one package, only explain runs statements of QueryLens's own, and the
 * store never changes a recording.
 */
class ArchitectureTests {

	// The test-support module is the tests' code, not the library's, though its classes
	// are not under test-classes.
	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("test-support"))
		.importPackages("dev.querylens");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.querylens.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void importsFlowOneWay() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("capture")
			.definedBy("dev.querylens.capture..")
			.layer("jdbc")
			.definedBy("dev.querylens.jdbc..")
			.layer("analysis")
			.definedBy("dev.querylens.analysis..")
			.layer("hibernate")
			.definedBy("dev.querylens.hibernate..")
			.layer("data")
			.definedBy("dev.querylens.data..")
			.layer("store")
			.definedBy("dev.querylens.store..")
			.layer("explain")
			.definedBy("dev.querylens.explain..")
			.layer("report")
			.definedBy("dev.querylens.report..")
			.layer("web")
			.definedBy("dev.querylens.web")
			.layer("dashboard")
			.definedBy("dev.querylens.web.dashboard..")
			.layer("actuate")
			.definedBy("dev.querylens.actuate..")
			.layer("metrics")
			.definedBy("dev.querylens.metrics..")
			.layer("test")
			.definedBy("dev.querylens.test..")
			.layer("task")
			.definedBy("dev.querylens.task..")
			.layer("transaction")
			.definedBy("dev.querylens.transaction..")
			.layer("autoconfigure")
			.definedBy("dev.querylens.autoconfigure..")
			.whereLayer("autoconfigure")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("dashboard")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("web")
			.mayOnlyBeAccessedByLayers("dashboard", "autoconfigure")
			.whereLayer("actuate")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("metrics")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("test")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("task")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("transaction")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("report")
			.mayOnlyBeAccessedByLayers("web", "dashboard", "actuate", "autoconfigure")
			.whereLayer("explain")
			.mayOnlyBeAccessedByLayers("report", "web", "dashboard", "actuate", "autoconfigure")
			.whereLayer("store")
			.mayOnlyBeAccessedByLayers("report", "web", "dashboard", "actuate", "metrics", "task", "autoconfigure")
			.whereLayer("analysis")
			.mayOnlyBeAccessedByLayers("store", "explain", "report", "web", "dashboard", "actuate", "metrics", "test",
					"autoconfigure")
			.whereLayer("jdbc")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("hibernate")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("data")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("capture")
			.mayOnlyBeAccessedByLayers("jdbc", "analysis", "hibernate", "data", "store", "explain", "report", "web",
					"dashboard", "actuate", "metrics", "test", "task", "transaction", "autoconfigure")
			.check(CLASSES);
	}

	@Test
	void transactionManagerTypesStayInTheTransactionPackage() {
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.transaction..", "dev.querylens.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.transaction..")
			.check(CLASSES);
	}

	@Test
	void micrometerTypesStayInTheMetricsPackage() {
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.metrics..", "dev.querylens.autoconfigure..")
			.and()
			.resideOutsideOfPackage("dev.querylens.task..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.micrometer..")
			.check(CLASSES);
	}

	@Test
	void theTaskPackageUsesOnlyTheObservationApiThatSpringItselfNeeds() {
		// micrometer-observation is a compile dependency of spring-context, whose
		// scheduler opens the observation
		// tasks are recorded from; the rest of Micrometer stays optional.
		noClasses().that()
			.resideInAPackage("dev.querylens.task..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.micrometer..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.micrometer.observation.."))))
			.check(CLASSES);
	}

	@Test
	void noProductionClassUsesTheTestApi() {
		// The test API is for the application's tests; what a running application needs
		// (the fail action) lives in analysis, so a production jar never loads the test
		// package.
		noClasses().that()
			.resideOutsideOfPackage("dev.querylens.test..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.querylens.test..")
			.check(CLASSES);
	}

	@Test
	void testFrameworkTypesStayInTheTestPackage() {
		noClasses().that()
			.resideOutsideOfPackage("dev.querylens.test..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.junit..", "org.assertj..", "org.opentest4j..", "org.springframework.test..")
			.check(CLASSES);
	}

	@Test
	void onlyTheTypesThatNameAssertJOrJUnitNeedThem() {
		noClasses().that()
			.resideInAPackage("dev.querylens.test..")
			.and()
			.doNotHaveSimpleName("RecordingAssert")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.assertj..")
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("dev.querylens.test..")
			.and()
			.haveNameNotMatching(
					"dev\\.querylens\\.test\\.(QueryLensExtension.*|QueryLensTest|ExpectQueries.*|FailOnFindings)")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.junit..", "org.springframework.test..")
			.check(CLASSES);
	}

	@Test
	void servletAndSpringMvcTypesStayInTheWebPackage() {
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.web..", "dev.querylens.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web..")
			.check(CLASSES);
	}

	@Test
	void thymeleafStaysInTheDashboardPackage() {
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.web.dashboard..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.thymeleaf..")
			.check(CLASSES);
	}

	@Test
	void actuatorTypesStayInTheActuatePackage() {
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.actuate..", "dev.querylens.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot.actuate..")
			.check(CLASSES);
	}

	@Test
	void theJpaApiStaysInTheAnalysisPackage() {
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.analysis..", "dev.querylens.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.persistence..")
			.check(CLASSES);
	}

	@Test
	void hibernateTypesStayInTheHibernatePackage() {
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.hibernate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.hibernate..")
			.check(CLASSES);
	}

	@Test
	void eachMessagingFrameworkStaysInItsListenerPackage() {
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.task.jms..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.jms..", "jakarta.jms..")
			.check(CLASSES);
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.task.amqp..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.amqp..", "com.rabbitmq..")
			.check(CLASSES);
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.task.kafka..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..")
			.check(CLASSES);
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.task.messaging..", "dev.querylens.task.jms..",
					"dev.querylens.task.amqp..", "dev.querylens.task.kafka..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.messaging..")
			.check(CLASSES);
	}

	@Test
	void springBatchStaysInTheBatchPackage() {
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.task.batch..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.batch..")
			.check(CLASSES);
	}

	@Test
	void springDataTypesStayInTheDataPackage() {
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.data..", "dev.querylens.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.data..")
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("dev.querylens.data..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.querylens.jdbc..", "dev.querylens.analysis..", "dev.querylens.hibernate..",
					"dev.querylens.store..", "dev.querylens.web..", "dev.querylens.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void theHibernatePackageUsesNoOtherQueryLensPackageThanCapture() {
		noClasses().that()
			.resideInAPackage("dev.querylens.hibernate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.querylens.jdbc..", "dev.querylens.analysis..", "dev.querylens.store..",
					"dev.querylens.report..", "dev.querylens.web..", "dev.querylens.actuate..",
					"dev.querylens.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void theCaptureModelUsesNoOtherQueryLensPackage() {
		noClasses().that()
			.resideInAPackage("dev.querylens.capture..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("dev.querylens.capture..", "java..", "org.jspecify..")
			.check(CLASSES);
	}

	@Test
	void theCoreIsUsableWithoutSpring() {
		noClasses().that()
			.resideInAnyPackage("dev.querylens.capture..", "dev.querylens.jdbc..", "dev.querylens.analysis..",
					"dev.querylens.hibernate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..")
			.check(CLASSES);
	}

	@Test
	void theLibraryLogsThroughCommonsLoggingAsSpringBootDoes() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.slf4j..", "org.apache.logging.log4j..", "ch.qos.logback..")
			.because("a library logs through one API, the Log of Spring and Boot")
			.check(CLASSES);
	}

	@Test
	void onlyTheExplainPackageRunsStatementsOfItsOwn() {
		// jdbc only passes the application's statements on to the driver; QueryLens's own
		// statements are EXPLAIN's.
		noClasses().that()
			.resideOutsideOfPackages("dev.querylens.explain..", "dev.querylens.jdbc..")
			.should()
			.callMethodWhere(JavaCall.Predicates
				.target(HasOwner.Predicates.With.<JavaClass>owner(JavaClass.Predicates.assignableTo(Connection.class)
					.or(JavaClass.Predicates.assignableTo(Statement.class))))
				.and(JavaCall.Predicates.target(HasName.Predicates
					.nameMatching("prepareStatement|prepareCall|createStatement|nativeSQL|execute.*|addBatch"))))
			.check(CLASSES);
	}

	@Test
	void everyPackageIsNullMarked() {
		for (String packageName : CLASSES.stream()
			.map(JavaClass::getPackageName)
			.collect(Collectors.toCollection(TreeSet::new))) {
			assertThat(CLASSES.getPackage(packageName).isAnnotatedWith(NullMarked.class)).as(packageName).isTrue();
		}
	}

	@Test
	void theStoreNeverChangesARecording() {
		methods().that()
			.areDeclaredIn(RecordingStore.class)
			.should()
			.haveNameMatching("add|findAll|findById|clear")
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("dev.querylens.store..")
			.should()
			.callMethodWhere(JavaCall.Predicates
				.target(HasOwner.Predicates.With
					.<JavaClass>owner(JavaClass.Predicates.belongToAnyOf(Recording.class, AnalyzedRecording.class)))
				.and(DescribedPredicate.not(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
						"(get|is|has|find|to|hash|equals|recording|queries|findings|activeFindings|duplicateCount"
								+ "|similarCount).*")))))
			.check(CLASSES);
		// A recording reaches the store finished, and a finished recording has no
		// method that changes it.
		noClasses().that()
			.resideInAPackage("dev.querylens.store..")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(Recording.Started.class, TransactionLog.class)
			.check(CLASSES);
	}

	@Test
	void onlyTheStartedRecordingIsWrittenTo() {
		// Whatever reads recordings (analysis, store, report, web's pages, actuate,
		// metrics) reads finished ones; the writers are those that see statements arrive.
		noClasses().that()
			.resideInAnyPackage("dev.querylens.analysis..", "dev.querylens.store..", "dev.querylens.report..",
					"dev.querylens.actuate..", "dev.querylens.explain..")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(Recording.Started.class, TransactionLog.class)
			.check(CLASSES);
	}

}
