package hoppscotch;

import dev.schemacode.annotations.AcknowledgeDataLoss;

/** What this version deliberately drops or narrows. */
@AcknowledgeDataLoss({
    "narrow column TeamInvitation.inviteeRole to \"TeamAccessRole\"",
    "narrow column TeamMember.role to \"TeamAccessRole\""
})
class DataLoss {}
