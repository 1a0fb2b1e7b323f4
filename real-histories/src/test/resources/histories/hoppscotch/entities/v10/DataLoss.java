package hoppscotch;

import dev.schemacode.annotations.AcknowledgeDataLoss;

/** What this version deliberately drops or narrows. */
@AcknowledgeDataLoss({
    "drop column InfraConfig.active"
})
class DataLoss {}
