package umami;

import dev.schemacode.annotations.AcknowledgeDataLoss;

/** What this version deliberately drops or narrows. */
@AcknowledgeDataLoss({
    "narrow column report.parameters to jsonb"
})
class DataLoss {}
