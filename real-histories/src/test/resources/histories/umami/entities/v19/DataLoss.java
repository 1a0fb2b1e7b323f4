package umami;

import dev.schemacode.annotations.AcknowledgeDataLoss;

/** What this version deliberately drops or narrows. */
@AcknowledgeDataLoss({
    "drop column board.slug"
})
class DataLoss {}
