package io.authz.spring.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PolicyWatcherTests {

	private static final Principal ALICE = Principal.builder("alice").roles("user").build();

	// The acceptance bound for a change to show in decisions; typical latency is far below it.
	private static final Duration WITHIN = Duration.ofSeconds(5);

	@TempDir
	Path directory;

	private final List<PolicyReloadStatus> reloads = new CopyOnWriteArrayList<>();

	private EmbeddedEngine engine;

	private PolicyReloader reloader;

	private PolicyWatcher watcher;

	@BeforeEach
	void loadPolicies() {
		TestPolicies.write(this.directory.resolve("document.yaml"), TestPolicies.documentPolicy("read"));
		String location = "file:" + this.directory + "/";
		this.engine = EmbeddedEngine.create(new PolicyFileLoader().load(location), EmbeddedEngineOptions.defaults());
		this.reloader = new PolicyReloader(this.engine, location, new PolicyFileLoader(), (event) -> {
			if (event instanceof PolicyReloadEvent reload) {
				this.reloads.add(reload.getStatus());
			}
		});
	}

	@AfterEach
	void stopWatcher() {
		if (this.watcher != null) {
			this.watcher.stop();
		}
	}

	@Test
	void anEditChangesDecisions() {
		start(PolicyWatcher.DEFAULT_QUIET_PERIOD, PolicyWatcher.DEFAULT_POLL_INTERVAL, true);
		assertThat(this.watcher.getDirectory()).isEqualTo(this.directory.toAbsolutePath());
		assertThat(allowed("delete")).isFalse();
		long start = System.nanoTime();
		TestPolicies.write(this.directory.resolve("document.yaml"), TestPolicies.documentPolicy("read", "delete"));
		await().atMost(WITHIN).pollInterval(Duration.ofMillis(10)).until(() -> allowed("delete"));
		System.out.println("Policy edit to changed decision: " + (System.nanoTime() - start) / 1_000_000 + " ms");
		assertThat(this.reloads).singleElement().satisfies((status) -> {
			assertThat(status.trigger()).isEqualTo(PolicyReloader.WATCH);
			assertThat(status.isSuccessful()).isTrue();
		});
	}

	@Test
	void aBrokenEditKeepsDecisionsAndRecordsTheError() {
		start(PolicyWatcher.DEFAULT_QUIET_PERIOD, PolicyWatcher.DEFAULT_POLL_INTERVAL, true);
		String digest = this.engine.policySet().digest();
		TestPolicies.write(this.directory.resolve("document.yaml"), TestPolicies.brokenDocumentPolicy());
		await().atMost(WITHIN).until(() -> !this.reloads.isEmpty());
		assertThat(this.reloads).singleElement().satisfies((status) -> {
			assertThat(status.isSuccessful()).isFalse();
			assertThat(status.errors()).singleElement().asString().startsWith("document.yaml:11");
		});
		assertThat(this.engine.policySet().digest()).isEqualTo(digest);
		assertThat(allowed("read")).isTrue();
		TestPolicies.write(this.directory.resolve("document.yaml"), TestPolicies.documentPolicy("read", "delete"));
		await().atMost(WITHIN).until(() -> allowed("delete"));
		assertThat(this.reloader.lastReload().isSuccessful()).isTrue();
	}

	@Test
	void aFileInANewDirectoryIsLoaded() {
		start(PolicyWatcher.DEFAULT_QUIET_PERIOD, PolicyWatcher.DEFAULT_POLL_INTERVAL, true);
		TestPolicies.write(this.directory.resolve("more/deeper/report.yaml"),
				TestPolicies.documentPolicy("read").replace("resource: document", "resource: report"));
		await().atMost(WITHIN).until(() -> this.engine
			.check(CheckRequest.of(ALICE, Resource.of("report", "1"), "read"))
			.isAllAllowed());
		// The new directories are watched too.
		TestPolicies.write(this.directory.resolve("more/deeper/report.yaml"),
				TestPolicies.documentPolicy("read", "print").replace("resource: document", "resource: report"));
		await().atMost(WITHIN).until(() -> this.engine
			.check(CheckRequest.of(ALICE, Resource.of("report", "1"), "print"))
			.isAllAllowed());
	}

	@Test
	void aBurstOfChangesIsReloadedOnceSettled() {
		start(Duration.ofSeconds(1), PolicyWatcher.DEFAULT_POLL_INTERVAL, true);
		for (int i = 0; i < 20; i++) {
			TestPolicies.write(this.directory.resolve("document.yaml"),
					TestPolicies.documentPolicy("read", "action-" + i));
		}
		await().atMost(WITHIN).until(() -> allowed("action-19"));
		assertThat(this.reloads).as("reloads for 20 writes").hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void changesAreFoundByComparingFilesWhenFileSystemEventsAreMissing() {
		start(PolicyWatcher.DEFAULT_QUIET_PERIOD, Duration.ofMillis(250), false);
		TestPolicies.write(this.directory.resolve("document.yaml"), TestPolicies.documentPolicy("read", "delete"));
		await().atMost(WITHIN).until(() -> allowed("delete"));
		assertThat(this.reloads).singleElement().satisfies((status) -> assertThat(status.isSuccessful()).isTrue());
	}

	@Test
	void stoppedWatcherReloadsNothing() throws Exception {
		start(PolicyWatcher.DEFAULT_QUIET_PERIOD, Duration.ofMillis(100), true);
		this.watcher.stop();
		assertThat(this.watcher.isRunning()).isFalse();
		assertThat(this.watcher.getDirectory()).isNull();
		TestPolicies.write(this.directory.resolve("document.yaml"), TestPolicies.documentPolicy("read", "delete"));
		// Would a running watcher reload? The same edit, made while it runs, does (anEditChangesDecisions).
		Thread.sleep(500);
		assertThat(this.reloads).isEmpty();
		assertThat(allowed("delete")).isFalse();
	}

	@Test
	void classPathLocationsAreNotWatched() {
		PolicyReloader classPath = new PolicyReloader(this.engine, "classpath:policies/", new PolicyFileLoader(),
				(event) -> {
				});
		this.watcher = new PolicyWatcher(classPath, new DefaultResourceLoader());
		this.watcher.start();
		assertThat(this.watcher.isRunning()).isFalse();
	}

	private void start(Duration quietPeriod, Duration pollInterval, boolean fileSystemEvents) {
		this.watcher = new PolicyWatcher(this.reloader, new DefaultResourceLoader(), quietPeriod, pollInterval,
				fileSystemEvents);
		this.watcher.start();
		assertThat(this.watcher.isRunning()).isTrue();
	}

	private boolean allowed(String action) {
		return this.engine.check(CheckRequest.of(ALICE, Resource.of("document", "1"), action)).isAllAllowed();
	}

}
