package io.authz.spring.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.embedded.compile.PolicySet;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.spring.test.RoleEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyReloaderTests {

	private static final Principal ALICE = Principal.builder("alice").roles("user").build();

	@TempDir
	Path directory;

	private final List<PolicyReloadEvent> events = new CopyOnWriteArrayList<>();

	private EmbeddedEngine engine;

	private PolicyReloader reloader;

	@BeforeEach
	void loadPolicies() {
		TestPolicies.write(this.directory.resolve("document.yaml"), TestPolicies.documentPolicy("read"));
		String location = "file:" + this.directory + "/";
		this.engine = EmbeddedEngine.create(new PolicyFileLoader().load(location), EmbeddedEngineOptions.defaults());
		this.reloader = new PolicyReloader(this.engine, location, new PolicyFileLoader(), (event) -> {
			if (event instanceof PolicyReloadEvent reload) {
				this.events.add(reload);
			}
		});
	}

	@Test
	void startsWithTheStartUpLoad() {
		assertThat(this.reloader.isSupported()).isTrue();
		assertThat(this.reloader.lastReload()).satisfies((status) -> {
			assertThat(status.trigger()).isEqualTo(PolicyReloader.STARTUP);
			assertThat(status.isSuccessful()).isTrue();
			assertThat(status.digest()).isEqualTo(this.engine.policySet().digest());
			assertThat(status.policies()).isEqualTo(1);
		});
	}

	@Test
	void reloadSwapsInTheNewPolicies() {
		String before = this.engine.policySet().digest();
		assertThat(allowed("delete")).isFalse();
		TestPolicies.write(this.directory.resolve("document.yaml"), TestPolicies.documentPolicy("read", "delete"));
		PolicyReloadStatus status = this.reloader.reload("test");
		assertThat(status.isSuccessful()).isTrue();
		assertThat(status.trigger()).isEqualTo("test");
		assertThat(status.errors()).isEmpty();
		assertThat(status.digest()).isEqualTo(this.engine.policySet().digest()).isNotEqualTo(before);
		assertThat(allowed("delete")).isTrue();
		assertThat(this.reloader.lastReload()).isEqualTo(status);
		assertThat(this.events).singleElement().satisfies((event) -> assertThat(event.getStatus()).isEqualTo(status));
	}

	@Test
	void brokenPoliciesAreRejectedAndTheLastGoodOnesKeepServing() {
		PolicySet before = this.engine.policySet();
		TestPolicies.write(this.directory.resolve("document.yaml"), TestPolicies.brokenDocumentPolicy());
		PolicyReloadStatus status = this.reloader.reload("test");
		assertThat(status.isSuccessful()).isFalse();
		assertThat(status.errors()).singleElement().asString().startsWith("document.yaml:11").contains("CEL");
		assertThat(status.digest()).isEqualTo(before.digest());
		assertThat(this.engine.policySet()).isSameAs(before);
		assertThat(allowed("read")).isTrue();
		assertThat(this.reloader.lastReload()).isEqualTo(status);
		assertThat(this.events).singleElement().satisfies((event) -> assertThat(event.getStatus().isSuccessful())
			.isFalse());
	}

	@Test
	void anEmptiedLocationIsRejected() throws IOException {
		Files.delete(this.directory.resolve("document.yaml"));
		PolicyReloadStatus status = this.reloader.reload("test");
		assertThat(status.isSuccessful()).isFalse();
		assertThat(status.errors()).singleElement().asString().contains("No policy files");
		assertThat(allowed("read")).isTrue();
	}

	@Test
	void reloadIfChangedSkipsFilesThatDidNotChange() {
		assertThat(this.reloader.reloadIfChanged("watch")).as("the files of the start-up load are not known")
			.isNotNull();
		assertThat(this.reloader.reloadIfChanged("watch")).isNull();
		TestPolicies.write(this.directory.resolve("document.yaml"), TestPolicies.brokenDocumentPolicy());
		assertThat(this.reloader.reloadIfChanged("watch")).satisfies((status) -> assertThat(status.isSuccessful())
			.isFalse());
		assertThat(this.reloader.reloadIfChanged("watch")).as("the same broken files are not reported twice")
			.isNull();
		TestPolicies.write(this.directory.resolve("document.yaml"), TestPolicies.documentPolicy("read", "delete"));
		assertThat(this.reloader.reloadIfChanged("watch")).satisfies((status) -> assertThat(status.isSuccessful())
			.isTrue());
		assertThat(this.events).hasSize(3);
		assertThat(this.reloader.reload("endpoint")).as("an explicit reload always reloads").isNotNull();
	}

	@Test
	void otherEnginesCannotBeReloaded() {
		PolicyReloader other = new PolicyReloader(new RoleEngine(), "file:" + this.directory + "/",
				new PolicyFileLoader(), (event) -> {
				});
		assertThat(other.isSupported()).isFalse();
		assertThat(other.lastReload()).isNull();
		assertThat(other.reload("test")).satisfies((status) -> {
			assertThat(status.isSuccessful()).isFalse();
			assertThat(status.errors()).singleElement().asString().contains("only the embedded engine");
		});
	}

	private boolean allowed(String action) {
		return this.engine.check(CheckRequest.of(ALICE, Resource.of("document", "1"), action)).isAllAllowed();
	}

}
