package se.goteborg.vaksam.devstack.registry;

import io.apicurio.common.apps.config.DynamicConfigPropertyList;
import java.util.List;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

/**
 * Stands in for the bean that Apicurio's config-index Quarkus extension would generate at build
 * time; that extension is excluded because it is not usable from Maven Central. With an empty list
 * no property is editable at runtime, which a throwaway in-memory registry does not need.
 */
class DynamicConfigPropertyListProducer {

    @Produces
    @Singleton
    DynamicConfigPropertyList dynamicConfigPropertyList() {
        return new DynamicConfigPropertyList(List.of());
    }
}
