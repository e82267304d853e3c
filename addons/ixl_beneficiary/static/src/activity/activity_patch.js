import { Activity } from "@mail/core/web/activity";
import { patch } from "@web/core/utils/patch";

// "Did not come" on an appointment with a person (ixl.beneficiary): one click records
// the missed appointment on the person and closes the activity.
patch(Activity.prototype, {
    get isIxlAppointment() {
        return this.props.activity.res_model === "ixl.beneficiary";
    },
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
