package umami;

import dev.schemacode.annotations.AcknowledgeDataLoss;

/** What this version deliberately drops or narrows. */
@AcknowledgeDataLoss({
    "drop column session.subdivision2",
    "drop column session.hostname"
})
class DataLoss {}
