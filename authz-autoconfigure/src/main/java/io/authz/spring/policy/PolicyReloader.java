package io.authz.spring.policy;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.compile.PolicySet;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.policy.PolicyError;
import io.authz.core.policy.PolicyFile;
import io.authz.core.policy.PolicyLoadException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Reloads the embedded engine's policies from their location ({@code authz.local.policies}) and remembers how the
 * last load went, for the actuator endpoint and the health contributor.
 * <p>
 * A reload reads and compiles the files on the calling thread and then swaps the new set in atomically: checks in
 * flight finish on the set they started with, later ones see the new set, and none sees a mix. A set that does not
 * compile is rejected and the current one keeps serving; the problems are logged, kept in {@link #lastReload()}
 * and published in a {@link PolicyReloadEvent}, as every reload attempt is. Reloads are serialized, so that a
 * slow compile never replaces a newer set with an older one.
 * <p>
 * Only an {@link EmbeddedEngine} loads policies in the application; with any other engine
 * {@link #isSupported()} is {@code false} and reloads fail with a message saying so.
 */
public final class PolicyReloader {

	/** The trigger of the load at start-up. */
	public static final String STARTUP = "startup";

	/** The trigger of reloads caused by a change to the policy files. */
	public static final String WATCH = "watch";

	/** The trigger of reloads asked for through the actuator endpoint. */
	public static final String ENDPOINT = "endpoint";

	private static final Log logger = LogFactory.getLog(PolicyReloader.class);

	private final AuthorizationEngine engine;

	private final String location;

	private final PolicyFileLoader loader;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final Object lock = new Object();

	private volatile @Nullable PolicyReloadStatus lastReload;

	// The files of the last attempt, good or bad: a change event that did not change them is not a reload.
	private @Nullable List<PolicyFile> lastFiles;

	/**
	 * Creates a reloader.
	 * @param engine the engine whose policies are reloaded
	 * @param location the policy location, as {@code authz.local.policies} gives it
	 * @param loader reads the policy files
	 * @param publisher where {@link PolicyReloadEvent}s go
	 */
	public PolicyReloader(AuthorizationEngine engine, String location, PolicyFileLoader loader,
			ApplicationEventPublisher publisher) {
		this(engine, location, loader, publisher, Clock.systemUTC());
	}

	PolicyReloader(AuthorizationEngine engine, String location, PolicyFileLoader loader,
			ApplicationEventPublisher publisher, Clock clock) {
		Assert.notNull(engine, "'engine' must not be null");
		Assert.hasText(location, "'location' must not be empty");
		Assert.notNull(loader, "'loader' must not be null");
		Assert.notNull(publisher, "'publisher' must not be null");
		this.engine = engine;
		this.location = location;
		this.loader = loader;
		this.publisher = publisher;
		this.clock = clock;
		PolicySet current = (engine instanceof EmbeddedEngine embedded) ? embedded.policySet() : null;
		this.lastReload = (current != null) ? new PolicyReloadStatus(clock.instant(), STARTUP,
				PolicyReloadStatus.Outcome.SUCCESS, current.digest(), current.policies().size(), List.of(),
				Duration.ZERO) : null;
	}

	/**
	 * Whether the engine loads its policies in the application, so that they can be reloaded.
	 * @return {@code true} for the embedded engine
	 */
	public boolean isSupported() {
		return this.engine instanceof EmbeddedEngine;
	}

	/**
	 * The location policies are read from.
	 * @return the location
	 */
	public String getLocation() {
		return this.location;
	}

	/**
	 * How the last load went: the one at start-up until the first reload.
	 * @return the status, or {@code null} when the engine loads no policies in the application
	 */
	public @Nullable PolicyReloadStatus lastReload() {
		return this.lastReload;
	}

	/**
	 * Reads the policy files again and, if they compile, makes them the ones checks use.
	 * @param trigger what asked for the reload, for logs and the status
	 * @return how it went
	 */
	public PolicyReloadStatus reload(String trigger) {
		Assert.hasText(trigger, "'trigger' must not be empty");
		synchronized (this.lock) {
			long start = System.nanoTime();
			List<PolicyFile> files;
			try {
				files = this.loader.load(this.location);
			}
			catch (NoPolicyFilesException | UncheckedIOException ex) {
				this.lastFiles = List.of();
				return rejected(trigger, List.of(ex.getMessage()), start);
			}
			return apply(trigger, files, start);
		}
	}

	/**
	 * Like {@link #reload(String)}, but only when the policy files differ from those of the last attempt.
	 * @param trigger what asked for the reload
	 * @return how it went, or {@code null} when the files are unchanged
	 */
	public @Nullable PolicyReloadStatus reloadIfChanged(String trigger) {
		Assert.hasText(trigger, "'trigger' must not be empty");
		synchronized (this.lock) {
			long start = System.nanoTime();
			List<PolicyFile> files;
			try {
				files = this.loader.load(this.location);
			}
			catch (NoPolicyFilesException | UncheckedIOException ex) {
				if (List.of().equals(this.lastFiles)) {
					return null;
				}
				this.lastFiles = List.of();
				return rejected(trigger, List.of(ex.getMessage()), start);
			}
			if (files.equals(this.lastFiles)) {
				return null;
			}
			return apply(trigger, files, start);
		}
	}

	private PolicyReloadStatus apply(String trigger, List<PolicyFile> files, long start) {
		this.lastFiles = files;
		if (!(this.engine instanceof EmbeddedEngine embedded)) {
			return rejected(trigger, List.of("Engine '" + this.engine.name()
					+ "' does not load policies in the application; only the embedded engine can be reloaded"),
					start);
		}
		PolicySet set;
		try {
			set = embedded.reload(files);
		}
		catch (PolicyLoadException ex) {
			List<String> errors = ex.errors().stream().map(PolicyError::toString).toList();
			return rejected(trigger, errors.isEmpty() ? List.of(Objects.toString(ex.getMessage())) : errors,
					start);
		}
		catch (RuntimeException ex) {
			// A compiler fault must not take the watcher or the endpoint down: report it like a broken policy.
			logger.debug("Policy compilation failed", ex);
			return rejected(trigger, List.of(ex.toString()), start);
		}
		PolicyReloadStatus status = new PolicyReloadStatus(this.clock.instant(), trigger,
				PolicyReloadStatus.Outcome.SUCCESS, set.digest(), set.policies().size(), List.of(), since(start));
		logger.info("Reloaded " + set.policies().size() + " policies from '" + this.location + "' (" + trigger
				+ ", digest " + abbreviate(set.digest()) + ", " + status.duration().toMillis() + " ms)");
		return publish(status);
	}

	private PolicyReloadStatus rejected(String trigger, List<String> errors, long start) {
		PolicySet current = (this.engine instanceof EmbeddedEngine embedded) ? embedded.policySet() : null;
		PolicyReloadStatus status = new PolicyReloadStatus(this.clock.instant(), trigger,
				PolicyReloadStatus.Outcome.FAILURE, (current != null) ? current.digest() : null,
				(current != null) ? current.policies().size() : 0, errors, since(start));
		StringBuilder message = new StringBuilder("Rejected policy reload from '").append(this.location)
			.append("' (")
			.append(trigger)
			.append("); ")
			.append((current != null) ? "the previous policies (digest " + abbreviate(current.digest())
					+ ") keep serving" : "no policies are loaded")
			.append(':');
		errors.forEach((error) -> message.append("\n  - ").append(error));
		logger.warn(message);
		return publish(status);
	}

	private PolicyReloadStatus publish(PolicyReloadStatus status) {
		this.lastReload = status;
		this.publisher.publishEvent(new PolicyReloadEvent(this, status));
		return status;
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static String abbreviate(String digest) {
		return (digest.length() > 12) ? digest.substring(0, 12) : digest;
	}

}
