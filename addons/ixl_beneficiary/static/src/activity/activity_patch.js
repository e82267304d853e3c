import { Activity } from "@mail/core/web/activity";
import { ActivityListPopoverItem } from "@mail/core/web/activity_list_popover_item";
import { Activity as ActivityModel } from "@mail/core/web/activity_model";
import { assignIn } from "@mail/utils/common/misc";
import { patch } from "@web/core/utils/patch";

patch(ActivityModel, {
    _insert(data) {
        const activity = super._insert(...arguments);
        assignIn(activity, data, ["ixl_is_appointment"]);
        return activity;
    },
});

// "Did not come" on an appointment with a person (ixl.beneficiary): one click records
// the missed appointment on the person and closes the activity.
patch(Activity.prototype, {
    async onClickIxlDidNotCome() {
        const thread = this.thread;
        await this.env.services.orm.call("mail.activity", "action_ixl_did_not_come", [
            [this.props.activity.id],
        ]);
        this.props.activity.remove();
        this.props.onActivityChanged(thread);
        await this.props.reloadParentView?.();
    },
});

// The same in the activity popover of the lists and kanbans (e.g. the intake).
patch(ActivityListPopoverItem.prototype, {
    async onClickIxlDidNotCome() {
        await this.env.services.orm.call("mail.activity", "action_ixl_did_not_come", [
            [this.props.activity.id],
        ]);
        this.props.activity.remove();
        this.props.onActivityChanged?.();
    },
});
