package se.goteborg.vaksam.premises.notice;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action the landlord took, as a lettings user recorded it.
 *
 * @param takenOn    the day it was taken (Swedish date), which may be before the day it was recorded
 * @param recordedBy the subject of the lettings user's token
 * @param reference  a case number, or null
 */
public record NoticeAction(String actionId, LandlordAction action, LocalDate takenOn, Instant recordedAt,
                           String recordedBy, String reference) {
}
