package io.authz.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizerTests {

	private final CheckRequest request = CheckRequest.of(Principal.builder("alice").roles("user").build(),
			Resource.of("doc", "1"), "read", "write");

	@Test
	void engineFailureDeniesEveryDecisionWithTheReason() {
		List<CheckEvent> events = new ArrayList<>();
		Authorizer authorizer = new Authorizer(engine((request) -> {
			throw new IllegalStateException("PDP unreachable");
		}), List.of(events::add));
		CheckResult result = authorizer.check(this.request);
		assertThat(result.isAllAllowed()).isFalse();
		assertThat(result.results().get(0).decisions().values()).hasSize(2).allSatisfy((decision) -> {
			assertThat(decision.effect()).isEqualTo(Effect.DENY);
			assertThat(decision.failure()).contains("PDP unreachable");
		});
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.isFailure()).isTrue();
			assertThat(event.engine()).isEqualTo("test");
		});
	}

	@Test
	void incompleteAnswerIsAFailure() {
		Authorizer authorizer = new Authorizer(engine((request) -> new CheckResult("x", List.of())));
		CheckResult result = authorizer.check(this.request);
		assertThat(result.results()).hasSize(1);
		assertThat(result.results().get(0).decision("read").isFailure()).isTrue();
	}

	@Test
	void listenerFailureDoesNotChangeTheDecision() {
		Authorizer authorizer = new Authorizer(engine((request) -> allowAll(request)), List.of((event) -> {
			throw new IllegalStateException("listener broke");
		}));
		assertThat(authorizer.check(this.request).isAllAllowed()).isTrue();
	}

	@Test
	void observerWrapsTheEngineCallAndIsStoppedBeforeListeners() {
		List<String> calls = new ArrayList<>();
		CheckObserver observer = (request, engine) -> {
			calls.add("start " + engine);
			return (event) -> calls.add("stop " + event.isFailure());
		};
		Authorizer authorizer = new Authorizer(engine((request) -> {
			calls.add("engine");
			return allowAll(request);
		}), List.of((event) -> calls.add("listener")), observer);
		assertThat(authorizer.check(this.request).isAllAllowed()).isTrue();
		assertThat(calls).containsExactly("start test", "engine", "stop false", "listener");
	}

	@Test
	void observerSeesEngineFailure() {
		List<CheckEvent> stopped = new ArrayList<>();
		Authorizer authorizer = new Authorizer(engine((request) -> {
			throw new IllegalStateException("PDP unreachable");
		}), List.of(), (request, engine) -> stopped::add);
		assertThat(authorizer.check(this.request).isAllAllowed()).isFalse();
		assertThat(stopped).singleElement().satisfies((event) -> {
			assertThat(event.error()).hasMessage("PDP unreachable");
			assertThat(event.result().results().get(0).decision("read").isFailure()).isTrue();
		});
	}

	@Test
	void observerIsStoppedWhenTheEngineThrowsAnError() {
		List<CheckEvent> stopped = new ArrayList<>();
		Authorizer authorizer = new Authorizer(engine((request) -> {
			throw new AssertionError("fatal");
		}), List.of(), (request, engine) -> stopped::add);
		org.assertj.core.api.Assertions.assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> authorizer.check(this.request));
		assertThat(stopped).singleElement().satisfies((event) -> assertThat(event.isFailure()).isTrue());
	}

	@Test
	void failingObserverDoesNotChangeTheDecision() {
		Authorizer starting = new Authorizer(engine(AuthorizerTests::allowAll), List.of(), (request, engine) -> {
			throw new IllegalStateException("observer broke");
		});
		assertThat(starting.check(this.request).isAllAllowed()).isTrue();
		CheckObserver failingStop = (request, engine) -> (event) -> {
			throw new IllegalStateException("observer broke");
		};
		Authorizer stopping = new Authorizer(engine(AuthorizerTests::allowAll), List.of(), failingStop);
		assertThat(stopping.check(this.request).isAllAllowed()).isTrue();
	}

	private static CheckResult allowAll(CheckRequest request) {
		return new CheckResult(request.requestId(), request.resources()
			.stream()
			.map((check) -> new ResourceResult(check.resource(),
					Map.of("read", new Decision(Effect.ALLOW, "p", "r", "", null), "write",
							new Decision(Effect.ALLOW, "p", "r", "", null)),
					List.of(), List.of(), List.of()))
			.toList());
	}

	private static AuthorizationEngine engine(java.util.function.Function<CheckRequest, CheckResult> decide) {
		return new AuthorizationEngine() {
			@Override
			public String name() {
				return "test";
			}

			@Override
			public CheckResult check(CheckRequest request) {
				return decide.apply(request);
			}
		};
	}

}
