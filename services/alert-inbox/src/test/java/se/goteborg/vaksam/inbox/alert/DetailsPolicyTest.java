package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.inbox.alert.DetailsPolicy.Field;

/** The exact sealed fields each recipient's role may see, and nothing more. */
class DetailsPolicyTest {

    private static final DetailsOpener.Details OPENED = new DetailsOpener.Details("Två män bokade rum 312",
            "reception 031-00 00 00");

    @Test
    void eachRecipientSeesExactlyTheFieldsItsRoleNeeds() {
        Map<Recipient, Set<Field>> expected = new EnumMap<>(Map.of(
                Recipient.POLICE, Set.of(Field.DESCRIPTION, Field.REPORTER_CONTACT),
                Recipient.SOCIAL_SERVICES_CHILDREN, Set.of(Field.DESCRIPTION, Field.REPORTER_CONTACT),
                Recipient.MIKAMOTTAGNINGEN, Set.of(Field.DESCRIPTION),
                Recipient.REGION_COORDINATORS, Set.of(Field.DESCRIPTION),
                Recipient.LETTINGS_GROUP, Set.of()));
        assertThat(expected).containsOnlyKeys(Recipient.values());
        expected.forEach((recipient, fields) -> {
            assertThat(DetailsPolicy.fields(recipient)).as(recipient.name()).isEqualTo(fields);
            DetailsOpener.Details visible = DetailsPolicy.visibleTo(recipient, OPENED);
            assertThat(visible.description() != null).as(recipient + " description")
                    .isEqualTo(fields.contains(Field.DESCRIPTION));
            assertThat(visible.reporterContact() != null).as(recipient + " contact")
                    .isEqualTo(fields.contains(Field.REPORTER_CONTACT));
            assertThat(DetailsPolicy.mayReceiveDetails(recipient)).isEqualTo(!fields.isEmpty());
        });
    }
}
