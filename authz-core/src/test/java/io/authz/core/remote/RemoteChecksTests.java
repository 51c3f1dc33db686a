package io.authz.core.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RemoteChecksTests {

	@Test
	void splitsResourcesAndActionsToFitTheLimits() {
		List<String> actions = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			actions.add("a" + i);
		}
		List<ResourceCheck> checks = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			checks.add(new ResourceCheck(Resource.of("doc", String.valueOf(i)), actions));
		}
		List<List<ResourceSlice>> batches = RemoteChecks.split(checks, 4, 3, false);
		// 5 resources x 3 slices (3 + 3 + 1 actions) = 15 slices, 4 per batch
		assertThat(batches).hasSize(4);
		assertThat(batches).allSatisfy((batch) -> assertThat(batch).hasSizeLessThanOrEqualTo(4)
			.allSatisfy((slice) -> assertThat(slice.actions()).hasSizeLessThanOrEqualTo(3)));
		assertThat(batches.stream().flatMap(List::stream).mapToInt((slice) -> slice.actions().size()).sum())
			.isEqualTo(35);
	}

	@Test
	void distinctSplitNeverPutsOneResourceTwiceInABatch() {
		List<ResourceCheck> checks = List.of(ResourceCheck.of(Resource.of("doc", "1"), "a", "b", "c", "d", "e"),
				ResourceCheck.of(Resource.of("doc", "2"), "a"));
		List<List<ResourceSlice>> batches = RemoteChecks.split(checks, 50, 2, true);
		assertThat(batches).hasSize(3).allSatisfy((batch) -> assertThat(batch.stream()
			.map((slice) -> slice.resource().id())
			.distinct()
			.count()).isEqualTo(batch.size()));
	}

	@Test
	void assemblesAnswersInTheOrderAsked() {
		CheckRequest request = new CheckRequest("r", Principal.builder("p").build(),
				List.of(ResourceCheck.of(Resource.of("doc", "1"), "b", "a"), ResourceCheck.of(Resource.of("doc", "2"), "c")),
				Map.of());
		List<List<ResourceSlice>> batches = RemoteChecks.split(request.resources(), 1, 1, false);
		List<SliceResult> answers = new ArrayList<>();
		for (List<ResourceSlice> batch : batches) {
			ResourceSlice slice = batch.get(0);
			answers.add(0, new SliceResult(slice, Map.of(slice.actions().get(0), Decision.noMatch()),
					List.of("owner"), List.of(), List.of()));
		}
		CheckResult result = RemoteChecks.assemble(request, answers);
		assertThat(result.results().get(0).decisions()).containsOnlyKeys("b", "a");
		assertThat(List.copyOf(result.results().get(0).decisions().keySet())).containsExactly("b", "a");
		assertThat(result.results().get(0).effectiveDerivedRoles()).containsExactly("owner");
		assertThatExceptionOfType(RemotePdpException.class)
			.isThrownBy(() -> RemoteChecks.assemble(request, answers.subList(1, answers.size())))
			.withMessageContaining("no decision");
	}

}
