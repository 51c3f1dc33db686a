package io.authz.sample;

import io.authz.core.check.Authorizer;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.core.model.Resource;
import io.authz.core.pip.PrincipalAttributeProvider;
import io.authz.core.pip.PrincipalAttributes;
import io.authz.sample.employee.EmployeeAttributeProvider;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The employee attribute provider, a policy information point over the sample's database: department and approval
 * limit come from the {@code employee} table into every check, whoever builds the principal.
 */
class EmployeeAttributeProviderTests extends AbstractApiTests {

	@Autowired
	PrincipalAttributeProvider provider;

	@Autowired
	Authorizer authorizer;

	@Test
	void readsEmployeesFromTheDatabase() {
		assertThat(this.provider).isInstanceOf(EmployeeAttributeProvider.class);
		PrincipalAttributes carol = this.provider.attributes(Principal.builder("carol").build());
		assertThat(carol.attributes()).containsEntry("department", "finance").containsEntry("approvalLimit", 5000.0);
		assertThat(carol.roles()).isEmpty();
		assertThat(this.provider.attributes(Principal.builder("nobody").build())).isNull();
		assertThat(this.provider.attributes(Principal.builder("carol").type(PrincipalType.SERVICE).build())).isNull();
	}

	@Test
	void checksGetTheAttributesWithoutTheCallerGivingThem() {
		// bob manages engineering up to 1000: alice's 450 EUR conference ticket, not her 2400 EUR laptop
		Principal bob = Principal.builder("bob").roles("employee", "manager").build();
		Resource small = Resource.builder("expense", "2")
			.attribute("owner", "alice")
			.attribute("department", "engineering")
			.attribute("amount", 450.0)
			.attribute("status", "SUBMITTED")
			.build();
		Resource large = Resource.builder("expense", "3")
			.attribute("owner", "alice")
			.attribute("department", "engineering")
			.attribute("amount", 2400.0)
			.attribute("status", "SUBMITTED")
			.build();
		assertThat(this.authorizer.check(CheckRequest.of(bob, small, "approve")).isAllAllowed()).isTrue();
		assertThat(this.authorizer.check(CheckRequest.of(bob, large, "approve")).isAllAllowed()).isFalse();
	}

	@Test
	void theCallersOwnValuesWin() {
		// A value the request carries is not overwritten by the directory
		Principal bob = Principal.builder("bob").roles("employee", "manager").attribute("approvalLimit", 5000.0).build();
		Resource large = Resource.builder("expense", "3")
			.attribute("owner", "alice")
			.attribute("department", "engineering")
			.attribute("amount", 2400.0)
			.attribute("status", "SUBMITTED")
			.build();
		assertThat(this.authorizer.check(CheckRequest.of(bob, large, "approve")).isAllAllowed()).isTrue();
	}

}
