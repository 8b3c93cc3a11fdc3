package org.demarche.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One validation problem, located by the path of the offending field in the request body. */
@Schema(description = "One validation problem in a request body")
public record FieldError(
        @Schema(description = "Path of the field in the request body", examples = "offices[0].startDate")
        String field,

        @Schema(description = "What is wrong with it", examples = "must be a date like 2024, 2024-11 or 2024-11-20")
        String message) {}
