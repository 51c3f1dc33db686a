package io.authz.test.cerbos;

import io.authz.spring.autoconfigure.AuthzRemoteConnectionDetails;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Makes {@link AuthzRemoteConnectionDetails} from a {@code @ServiceConnection} {@link CerbosContainer}, so that the
 * remote engines call the container.
 */
class CerbosContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<CerbosContainer, AuthzRemoteConnectionDetails> {

	CerbosContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME);
	}

	@Override
	protected AuthzRemoteConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<CerbosContainer> source) {
		return new CerbosContainerConnectionDetails(source);
	}

	private static final class CerbosContainerConnectionDetails extends ContainerConnectionDetails<CerbosContainer>
			implements AuthzRemoteConnectionDetails {

		private CerbosContainerConnectionDetails(ContainerConnectionSource<CerbosContainer> source) {
			super(source);
		}

		@Override
		public String getUrl() {
			return getContainer().getHttpUrl();
		}

	}

}
