package io.authz.test.cerbos;

import java.nio.file.Path;
import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A Cerbos policy decision point for Testcontainers, serving the policies copied into it.
 * <p>
 * The image is built {@code FROM scratch} from the Cerbos binary {@link CerbosBinary} finds (no registry is
 * needed), and the container is ready once {@code /_cerbos/health} answers. With Spring Boot, declare it as a
 * {@code @Container @ServiceConnection} field, or a {@code @ServiceConnection} bean, and {@code authz.remote.url}
 * points at it:
 *
 * <pre class="code">
 * &#064;Container
 * &#064;ServiceConnection
 * static CerbosContainer cerbos = new CerbosContainer().withPolicies(Path.of("policies"));
 * </pre>
 */
public class CerbosContainer extends GenericContainer<CerbosContainer> {

	/** Cerbos' HTTP port: the check, AuthZEN and health APIs. */
	public static final int HTTP_PORT = 3592;

	/** Cerbos' gRPC port. */
	public static final int GRPC_PORT = 3593;

	/** Creates a container from the binary {@link CerbosBinary#locate()} finds. */
	public CerbosContainer() {
		this(CerbosBinary.locate());
	}

	/**
	 * Creates a container from the given Cerbos binary.
	 * @param binary a static Linux x86-64 Cerbos executable
	 */
	public CerbosContainer(Path binary) {
		super(DockerImageName.parse(CerbosImage.resolve(binary)));
		withExposedPorts(HTTP_PORT, GRPC_PORT);
		waitingFor(Wait.forHttp("/_cerbos/health").forPort(HTTP_PORT).forStatusCode(200)
			.withStartupTimeout(Duration.ofSeconds(60)));
	}

	/**
	 * Serves the policies of a directory (test suites and {@code testdata} in it are skipped, as Cerbos does).
	 * @param directory the policy directory on this machine
	 * @return this container
	 */
	public CerbosContainer withPolicies(Path directory) {
		return withCopyFileToContainer(MountableFile.forHostPath(directory), CerbosImage.POLICY_DIR);
	}

	/**
	 * Serves the policies of a classpath directory.
	 * @param resource the directory's classpath location, {@code policies} for example
	 * @return this container
	 */
	public CerbosContainer withClasspathPolicies(String resource) {
		return withCopyFileToContainer(MountableFile.forClasspathResource(resource), CerbosImage.POLICY_DIR);
	}

	/**
	 * The base URL of the HTTP API, the value for {@code authz.remote.url}.
	 * @return the URL
	 */
	public String getHttpUrl() {
		return "http://" + getHost() + ":" + getMappedPort(HTTP_PORT);
	}

}
