package se.goteborg.vaksam.web.problem;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns any exception into a problem response. Messages that could echo request content (Jackson's
 * parser messages quote the input) never reach the client; only field paths and fixed texts do.
 */
final class ProblemMapper {

	static final String INVALID_FIELDS = "One or more fields are invalid.";

	private ProblemMapper() {
	}

	static Problem map(Throwable ex) {
		if (ex instanceof InvalidFieldsException invalid) {
			return Problem.withErrors(HttpStatus.BAD_REQUEST, INVALID_FIELDS, invalid.problems());
		}
		if (ex instanceof WebExchangeBindException bind) {
			return Problem.withErrors(HttpStatus.BAD_REQUEST, INVALID_FIELDS, bindingProblems(bind));
		}
		if (ex instanceof AuthenticationServiceException) {
			// Tokens could not be checked at all (identity's key set unreachable): the caller may retry.
			return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "Authentication is temporarily unavailable.");
		}
		if (ex instanceof DataBufferLimitException) {
			return tooLarge();
		}
		if (ex instanceof InvalidMediaTypeException) {
			return Problem.of(HttpStatus.BAD_REQUEST, "A media type in the request headers cannot be read.");
		}
		if (ex instanceof ServerWebInputException input && isBodyReadFailure(input)) {
			return bodyReadProblem(input);
		}
		if (ex instanceof ErrorResponse response) {
			if (response.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
				return tooLarge();
			}
			return Problem.from(response.updateAndGetBody(null, Locale.ROOT), response.getHeaders());
		}
		return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, null);
	}

	private static Problem tooLarge() {
		return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
	}

	private static boolean isBodyReadFailure(ServerWebInputException input) {
		return input.getCause() instanceof DecodingException;
	}

	private static Problem bodyReadProblem(ServerWebInputException input) {
		JacksonException jackson = findCause(input, JacksonException.class);
		if (jackson == null) {
			return Problem.of(HttpStatus.BAD_REQUEST, "The request body is missing or cannot be read.");
		}
		if (jackson instanceof InputCoercionException && !fieldPath(jackson).isEmpty()) {
			// Valid JSON, such as a number too large for its field: the field can be named.
			return Problem.withErrors(HttpStatus.BAD_REQUEST, INVALID_FIELDS,
					List.of(new FieldProblem(fieldPath(jackson), "is out of range")));
		}
		if (jackson instanceof StreamReadException) {
			return Problem.of(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
		}
		String field = fieldPath(jackson);
		if (field.isEmpty()) {
			return Problem.of(HttpStatus.BAD_REQUEST, "The request body does not have the expected structure.");
		}
		return Problem.withErrors(HttpStatus.BAD_REQUEST, INVALID_FIELDS,
				List.of(new FieldProblem(field, fieldMessage(jackson))));
	}

	private static String fieldMessage(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException) {
			return "is not a known field";
		}
		if (ex instanceof InvalidNullException) {
			return "is required";
		}
		if (ex instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum()) {
			return "must be one of " + enumValues(format.getTargetType());
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			if (mismatch.getTargetType().isEnum()) {
				return "must be one of " + enumValues(mismatch.getTargetType());
			}
			return "must be " + describe(mismatch.getTargetType());
		}
		return "has an invalid value";
	}

	private static String enumValues(Class<?> enumType) {
		return Arrays.stream(enumType.getEnumConstants())
			.map(constant -> ((Enum<?>) constant).name())
			.collect(Collectors.joining(", ", "[", "]"));
	}

	private static String describe(Class<?> type) {
		if (type == String.class) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
			return "a number";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "an ISO-8601 date-time";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		return "an object";
	}

	static String fieldPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static List<FieldProblem> bindingProblems(WebExchangeBindException bind) {
		return bind.getAllErrors().stream().map(ProblemMapper::bindingProblem).toList();
	}

	private static FieldProblem bindingProblem(ObjectError error) {
		String message = error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
		if (error instanceof FieldError fieldError) {
			return new FieldProblem(fieldError.getField(), message);
		}
		return new FieldProblem(error.getObjectName(), message);
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
