package io.authz.benchmarks.method;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What method security costs per call, side by side in one run: a plain service bean method with no security, with
 * {@code @PreAuthorize} (the reference rule, and a role check alone), and with {@code @Authorize} deciding the same
 * rule as a Cerbos policy on the embedded engine. One thread; the security context is set once per trial, as a
 * filter would set it once per request.
 */
@BenchmarkMode({ Mode.AverageTime, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Threads(1)
@State(Scope.Thread)
public class MethodSecurityBenchmark {

	private static final String DEPARTMENT = "engineering";

	private AnnotationConfigApplicationContext context;

	private Approvals.Unsecured unsecured;

	private Approvals.SpelRule spelRule;

	private Approvals.SpelRole spelRole;

	private Approvals.Policy policy;

	private final ExpenseClaim claim = new ExpenseClaim("42", DEPARTMENT, 450);

	private AuthorizationEngine engine;

	private CheckRequest engineRequest;

	@Setup(Level.Trial)
	public void setUp() {
		this.context = new AnnotationConfigApplicationContext();
		this.context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("benchmark", Map.of("authz.local.policies", "classpath:bench-policies/")));
		this.context.register(MethodSecurityBenchmarkConfiguration.class);
		this.context.refresh();
		this.unsecured = this.context.getBean(Approvals.Unsecured.class);
		this.spelRule = this.context.getBean(Approvals.SpelRule.class);
		this.spelRole = this.context.getBean(Approvals.SpelRole.class);
		this.policy = this.context.getBean(Approvals.Policy.class);
		this.engine = this.context.getBean(AuthorizationEngine.class);
		this.engineRequest = CheckRequest.of(
				Principal.builder("bob").roles("MANAGER").attribute("department", DEPARTMENT).build(),
				Resource.builder("expense", "42").attribute("department", DEPARTMENT).attribute("amount", 450).build(),
				"approve");
		if (!this.engine.check(this.engineRequest).isAllAllowed()) {
			throw new IllegalStateException("the engine must allow the benchmark request");
		}
		SecurityContextHolder.setContext(securityContext("ROLE_MANAGER"));
		verifyDecisions();
	}

	/** Fails the trial unless the secured methods really decide: allowed calls pass, denied ones throw. */
	private void verifyDecisions() {
		ExpenseClaim overLimit = new ExpenseClaim("43", DEPARTMENT, 5000);
		ExpenseClaim otherDepartment = new ExpenseClaim("44", "sales", 450);
		expect("no security", () -> this.unsecured.approve(overLimit), true);
		expect("@PreAuthorize rule", () -> this.spelRule.approve(this.claim), true);
		expect("@PreAuthorize rule over the limit", () -> this.spelRule.approve(overLimit), false);
		expect("@PreAuthorize rule, other department", () -> this.spelRule.approve(otherDepartment), false);
		expect("@PreAuthorize role", () -> this.spelRole.approve(this.claim), true);
		expect("@Authorize policy", () -> this.policy.approve(this.claim), true);
		expect("@Authorize policy over the limit", () -> this.policy.approve(overLimit), false);
		expect("@Authorize policy, other department", () -> this.policy.approve(otherDepartment), false);
		SecurityContext manager = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(securityContext("ROLE_EMPLOYEE"));
		try {
			expect("@PreAuthorize role, not a manager", () -> this.spelRole.approve(this.claim), false);
			expect("@PreAuthorize rule, not a manager", () -> this.spelRule.approve(this.claim), false);
			expect("@Authorize policy, not a manager", () -> this.policy.approve(this.claim), false);
		}
		finally {
			SecurityContextHolder.setContext(manager);
		}
	}

	private static void expect(String what, Supplier<String> call, boolean allowed) {
		boolean denied;
		try {
			call.get();
			denied = false;
		}
		catch (AccessDeniedException ex) {
			denied = true;
		}
		if (denied == allowed) {
			throw new IllegalStateException(what + ": expected " + (allowed ? "allowed" : "denied") + " but was "
					+ (denied ? "denied" : "allowed"));
		}
	}

	private static SecurityContext securityContext(String authority) {
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated("bob",
				null, List.of(new SimpleGrantedAuthority(authority)));
		authentication.setDetails(DEPARTMENT);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		return context;
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		SecurityContextHolder.clearContext();
		this.context.close();
	}

	/** (a) The method with no security and no proxy. */
	@Benchmark
	public String noSecurity() {
		return this.unsecured.approve(this.claim);
	}

	/** (b) {@code @PreAuthorize} with the reference rule: role, department and amount. */
	@Benchmark
	public String preAuthorizeRule() {
		return this.spelRule.approve(this.claim);
	}

	/** (c) {@code @PreAuthorize("hasRole('MANAGER')")}. */
	@Benchmark
	public String preAuthorizeRole() {
		return this.spelRole.approve(this.claim);
	}

	/** (d) {@code @Authorize} with the reference rule as a Cerbos policy, on the embedded engine. */
	@Benchmark
	public String authorizePolicy() {
		return this.policy.approve(this.claim);
	}

	/**
	 * (e) The decision of (d) alone: the same check straight on the engine, with the principal and resource built
	 * beforehand. The difference with (d) is what the method security integration costs.
	 */
	@Benchmark
	public CheckResult engineOnly() {
		return this.engine.check(this.engineRequest);
	}

}
