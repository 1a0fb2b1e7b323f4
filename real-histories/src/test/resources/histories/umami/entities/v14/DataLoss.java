package umami;

import dev.schemacode.annotations.AcknowledgeDataLoss;

/** What this version deliberately drops or narrows. */
@AcknowledgeDataLoss({
    "narrow column report.type to varchar(50)",
    "narrow column revenue.currency to varchar(10)",
    "narrow column segment.type to varchar(50)"
})
class DataLoss {}
