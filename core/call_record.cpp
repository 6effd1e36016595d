// call_record.cpp — see call_record.h.
#include "core/call_record.h"

namespace cw {

const char* to_string(Speaker s) {
    switch (s) {
        case Speaker::Agent: return "agent";
        case Speaker::Customer: return "customer";
        case Speaker::System: return "system";
    }
    return "agent";
}

const char* to_string(CallEnd e) {
    switch (e) {
        case CallEnd::Open: return "open";
        case CallEnd::Resolved: return "resolved";
        case CallEnd::FollowUp: return "follow_up";
        case CallEnd::Escalated: return "escalated";
        case CallEnd::HungUp: return "hung_up";
    }
    return "open";
}

}  // namespace cw
