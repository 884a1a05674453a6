package se.goteborg.vaksam.network.member;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.web.problem.FieldProblems;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/** Request bodies of the member API and their checks. */
final class MemberRequests {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_DISTRICT_LENGTH = 100;

    private MemberRequests() {
    }

    record EnrolRequest(MemberType type, String name, String orgNumber, String district) {
    }

    static Mono<NewMember> check(EnrolRequest request) {
        FieldProblems problems = new FieldProblems();
        problems.requirePresent("type", request.type());
        if (problems.requireText("name", request.name())) {
            problems.requireMaxLength("name", request.name().strip(), MAX_NAME_LENGTH);
        }
        String orgNumber = null;
        if (problems.requireText("orgNumber", request.orgNumber())) {
            orgNumber = OrgNumbers.normalise(request.orgNumber()).orElse(null);
            problems.check(orgNumber != null, "orgNumber",
                    "must be a Swedish organisation number (NNNNNN-NNNN) with a valid check digit");
        }
        String district = request.district() == null || request.district().isBlank() ? null : request.district().strip();
        problems.requireMaxLength("district", district, MAX_DISTRICT_LENGTH);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidFieldsException(problems.asList()));
        }
        return Mono.just(new NewMember(request.type(), request.name().strip(), orgNumber, district));
    }
}
