package io.authz.core.pip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds what the {@link PrincipalAttributeProvider principal} and {@link ResourceAttributeProvider resource}
 * attribute providers know to a check before the engine decides it. Each provider is called with its own
 * {@link AttributeProviderSettings}: its answers are cached for a time, a lookup may be given a timeout, and a
 * failure either fails the check (so that every decision is a deny) or is ignored.
 * <p>
 * Merging: a provider's attributes are added where the request has none of that name, and its roles are added to
 * the request's; an authoritative provider's attributes replace the request's and its roles, when it gives any,
 * replace the request's. Providers are applied in order, so a later authoritative one wins. The principal's
 * {@code type} and {@code actingFor} attributes are never taken from a provider. Principals the principal acts for
 * are looked up too.
 * <p>
 * Use {@link #decorate(AuthorizationEngine)} to put the enricher in front of an engine; close the enricher to stop
 * the threads that run lookups with a timeout.
 */
public final class AttributeEnricher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AttributeEnricher.class);

	private final List<Source<Principal, PrincipalAttributes>> principalSources;

	private final List<Source<Resource, Map<String, Object>>> resourceSources;

	private final LongSupplier nanoTime;

	private volatile ThreadPoolExecutor executor;

	private AttributeEnricher(Builder builder) {
		this.nanoTime = builder.nanoTime;
		this.principalSources = List.copyOf(builder.principalSources);
		this.resourceSources = List.copyOf(builder.resourceSources);
		this.principalSources.forEach((source) -> source.init(this.nanoTime));
		this.resourceSources.forEach((source) -> source.init(this.nanoTime));
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Whether there is no provider at all. */
	public boolean isEmpty() {
		return this.principalSources.isEmpty() && this.resourceSources.isEmpty();
	}

	/**
	 * An engine that enriches every check and then asks {@code engine}.
	 * @param engine the engine that decides
	 * @return the decorated engine, with the same name
	 */
	public AuthorizationEngine decorate(AuthorizationEngine engine) {
		return new EnrichingEngine(engine, this);
	}

	/**
	 * The request with the providers' roles and attributes merged in.
	 * @throws AttributeLookupException if a provider whose failure policy is {@link FailurePolicy#DENY} failed
	 */
	public CheckRequest enrich(CheckRequest request) {
		if (isEmpty()) {
			return request;
		}
		Principal principal = enrich(request.principal());
		List<ResourceCheck> resources = request.resources();
		if (!this.resourceSources.isEmpty()) {
			resources = new ArrayList<>(request.resources().size());
			for (ResourceCheck check : request.resources()) {
				resources.add(new ResourceCheck(enrich(check.resource()), check.actions()));
			}
		}
		return new CheckRequest(request.requestId(), principal, resources, request.auxData());
	}

	private Principal enrich(Principal principal) {
		Principal actingFor = (principal.actingFor() != null) ? enrich(principal.actingFor()) : null;
		if (this.principalSources.isEmpty()) {
			return principal;
		}
		List<String> roles = principal.roles();
		Map<String, Object> attributes = null;
		for (Source<Principal, PrincipalAttributes> source : this.principalSources) {
			PrincipalAttributes found = source.lookup(principal, principalKey(principal), this);
			if (found == null) {
				continue;
			}
			if (attributes == null) {
				attributes = new LinkedHashMap<>(principal.attributes());
			}
			Map<String, Object> provided = new LinkedHashMap<>(found.attributes());
			// The type and delegation come from authentication, never from a directory
			provided.remove(Principal.TYPE_ATTRIBUTE);
			provided.remove(Principal.ACTING_FOR_ATTRIBUTE);
			merge(attributes, provided, source.settings.authoritative());
			roles = mergeRoles(roles, found.roles(), source.settings.authoritative());
		}
		if (attributes == null && actingFor == principal.actingFor()) {
			return principal;
		}
		Principal.Builder builder = principal.toBuilder().roles(roles).actingFor(actingFor);
		if (attributes != null) {
			builder.attributes(attributes);
		}
		return builder.build();
	}

	private Resource enrich(Resource resource) {
		Map<String, Object> attributes = null;
		for (Source<Resource, Map<String, Object>> source : this.resourceSources) {
			Map<String, Object> found = source.lookup(resource, resource.kind() + ":" + resource.id(), this);
			if (found == null) {
				continue;
			}
			if (attributes == null) {
				attributes = new LinkedHashMap<>(resource.attributes());
			}
			merge(attributes, found, source.settings.authoritative());
		}
		if (attributes == null) {
			return resource;
		}
		return new Resource(resource.kind(), resource.id(), attributes, resource.policyVersion(), resource.scope());
	}

	private static String principalKey(Principal principal) {
		return principal.type().value() + ":" + principal.id();
	}

	private static void merge(Map<String, Object> attributes, Map<String, Object> provided, boolean authoritative) {
		if (authoritative) {
			attributes.putAll(provided);
		}
		else {
			provided.forEach((name, value) -> {
				if (!attributes.containsKey(name)) {
					attributes.put(name, value);
				}
			});
		}
	}

	private static List<String> mergeRoles(List<String> roles, List<String> provided, boolean authoritative) {
		if (provided.isEmpty()) {
			return roles;
		}
		if (authoritative) {
			return provided;
		}
		Set<String> merged = new LinkedHashSet<>(roles);
		merged.addAll(provided);
		return List.copyOf(merged);
	}

	private ThreadPoolExecutor executor() {
		ThreadPoolExecutor executor = this.executor;
		if (executor == null) {
			synchronized (this) {
				executor = this.executor;
				if (executor == null) {
					// Bounded: a provider that hangs must not make every check start a thread
					executor = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
							new LookupThreadFactory());
					this.executor = executor;
				}
			}
		}
		return executor;
	}

	@Override
	public void close() {
		ThreadPoolExecutor executor = this.executor;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	/**
	 * Builds an {@link AttributeEnricher}.
	 */
	public static final class Builder {

		private final List<Source<Principal, PrincipalAttributes>> principalSources = new ArrayList<>();

		private final List<Source<Resource, Map<String, Object>>> resourceSources = new ArrayList<>();

		private LongSupplier nanoTime = System::nanoTime;

		private Builder() {
		}

		/**
		 * Adds a principal attribute provider.
		 * @param name the provider's name, for messages and logs
		 * @param provider the provider
		 * @param settings how to call it
		 */
		public Builder principalProvider(String name, PrincipalAttributeProvider provider,
				AttributeProviderSettings settings) {
			this.principalSources.add(new Source<>(name, "principal", provider::attributes, settings));
			return this;
		}

		/**
		 * Adds a resource attribute provider.
		 * @param name the provider's name, for messages and logs
		 * @param provider the provider
		 * @param settings how to call it
		 */
		public Builder resourceProvider(String name, ResourceAttributeProvider provider,
				AttributeProviderSettings settings) {
			this.resourceSources.add(new Source<>(name, "resource", provider::attributes, settings));
			return this;
		}

		/** The clock the caches expire by (for tests). */
		public Builder nanoTime(LongSupplier nanoTime) {
			this.nanoTime = nanoTime;
			return this;
		}

		public AttributeEnricher build() {
			return new AttributeEnricher(this);
		}

	}

	/** One provider with its settings and cache. */
	private static final class Source<T, R> {

		private final String name;

		private final String subject;

		private final Function<T, R> provider;

		private final AttributeProviderSettings settings;

		private TtlCache<String, R> cache;

		Source(String name, String subject, Function<T, R> provider, AttributeProviderSettings settings) {
			this.name = name;
			this.subject = subject;
			this.provider = provider;
			this.settings = settings;
		}

		void init(LongSupplier nanoTime) {
			if (!this.settings.cacheTtl().isZero() && this.settings.cacheMaxSize() > 0) {
				this.cache = new TtlCache<>(this.settings.cacheTtl().toNanos(), this.settings.cacheMaxSize(),
						nanoTime);
			}
		}

		R lookup(T target, String key, AttributeEnricher enricher) {
			if (this.cache != null) {
				TtlCache.Entry<R> cached = this.cache.get(key);
				if (cached != null) {
					return cached.value();
				}
			}
			R found;
			try {
				found = call(target, enricher);
			}
			catch (Exception ex) {
				String message = this.subject + " attribute provider '" + this.name + "' failed for '" + key + "': "
						+ describe(ex);
				if (this.settings.failurePolicy() == FailurePolicy.DENY) {
					throw new AttributeLookupException(message, ex);
				}
				logger.warn("{}; deciding without its attributes", message);
				return null;
			}
			if (this.cache != null) {
				this.cache.put(key, found);
			}
			return found;
		}

		private R call(T target, AttributeEnricher enricher) throws Exception {
			if (this.settings.timeout().isZero()) {
				return this.provider.apply(target);
			}
			Future<R> future;
			try {
				future = enricher.executor().submit(() -> this.provider.apply(target));
			}
			catch (RejectedExecutionException ex) {
				throw new IllegalStateException("too many lookups in progress", ex);
			}
			try {
				return future.get(this.settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				future.cancel(true);
				throw new TimeoutException("no answer within " + this.settings.timeout().toMillis() + "ms");
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof Exception cause) ? cause : ex;
			}
			catch (InterruptedException ex) {
				future.cancel(true);
				Thread.currentThread().interrupt();
				throw ex;
			}
		}

		private static String describe(Exception ex) {
			return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		}

	}

	/** The engine in front of which the enricher runs. */
	private static final class EnrichingEngine implements AuthorizationEngine {

		private final AuthorizationEngine delegate;

		private final AttributeEnricher enricher;

		EnrichingEngine(AuthorizationEngine delegate, AttributeEnricher enricher) {
			this.delegate = delegate;
			this.enricher = enricher;
		}

		@Override
		public String name() {
			return this.delegate.name();
		}

		@Override
		public CheckResult check(CheckRequest request) {
			return this.delegate.check(this.enricher.enrich(request));
		}

		@Override
		public String toString() {
			return "AttributeEnricher -> " + this.delegate;
		}

	}

	private static final class LookupThreadFactory implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "authz-pip-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
