package umami;

import dev.schemacode.annotations.AcknowledgeDataLoss;

/** What this version deliberately drops or narrows. */
@AcknowledgeDataLoss({
    "drop column session_data.deleted_at"
})
class DataLoss {}
