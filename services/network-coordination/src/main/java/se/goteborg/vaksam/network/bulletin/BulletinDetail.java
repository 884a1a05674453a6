package se.goteborg.vaksam.network.bulletin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bulletin with its e-mail to each recipient, problems first. */
record BulletinDetail(Bulletin bulletin, List<DeliveryView> deliveries) {

    BulletinDetail {
        deliveries = deliveries.stream().sorted(DeliveryView.PROBLEMS_FIRST).toList();
    }

    /** How many deliveries are in each status, by the status's name, every status listed. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status.name(), deliveries.stream().filter(d -> d.status() == status).count());
        }
        return counts;
    }

    /** Whether a coordinator's retry would send anything again. */
    public boolean retriable() {
        return deliveries.stream().anyMatch(d -> d.status().retriable());
    }
}
