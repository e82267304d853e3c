"""Who reads a beneficiary's contact card (the res.partner behind ixl.beneficiary).

Operators, coordinators and administrators do; any other internal user (an evaluation
committee member, an HR officer, finance) and portal users do not, whatever the path:
read, search on any field, read_group, name_search, export, mail followers."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import IxlCase, make_fiscal_code

CARD = ["name", "email", "phone", "street", "birthdate_date", "gender", "nationality_id"]
CONTACT = ["email", "phone", "street", "birthdate_date"]


@tagged("post_install", "-at_install")
class TestBeneficiaryPartnerAccess(IxlCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = new_test_user(
            cls.env, login="ixl_plain_employee", groups="base.group_user,base.group_allow_export",
            name="Elio Evaluator", email="elio@example.com")
        cls.admin = new_test_user(cls.env, login="ixl_admin_card",
                                  groups="ixl_beneficiary.group_ixl_admin")
        cls.person = cls.make_beneficiary(
            state="active", phone="+39 051 555 0101", street="Via Saragozza 12",
            gender="female", nationality_id=cls.env.ref("base.it").id)
        cls.other = cls.make_beneficiary(state="registered", phone="+39 051 555 0202")
        cls.partner = cls.person.partner_id
        cls.portal = new_test_user(
            cls.env, login="ixl_portal_acme", groups="base.group_portal",
            name="Paola Portal", email="paola@acme.example.com")
        cls.portal.partner_id.parent_id = cls.employer

    def test_flag_follows_the_people(self):
        self.assertTrue(self.partner.is_ixl_beneficiary)
        self.assertFalse(self.employer.is_ixl_beneficiary)
        self.assertFalse(self.employee.partner_id.is_ixl_beneficiary)
        self.person.action_archive()
        self.assertTrue(self.partner.is_ixl_beneficiary, "archived people stay protected")
        extra = self.make_beneficiary()
        extra_partner = extra.partner_id
        new_test_user(self.env, login="ixl_extra_user", groups="base.group_portal",
                      partner_id=extra_partner.id)
        extra.unlink()
        self.assertFalse(extra_partner.is_ixl_beneficiary, "no longer a beneficiary")

    def test_plain_employee_reads_no_beneficiary_card(self):
        Partner = self.env["res.partner"].with_user(self.employee)
        self.assertFalse(Partner.search_read([("ixl_beneficiary_ids", "!=", False)], CARD))
        self.assertFalse(Partner.search([("email", "=", self.person.email)]))
        self.assertFalse(Partner.search([("phone", "ilike", "555 0101")]))
        self.assertFalse(Partner.name_search(self.person.name))
        people = self.partner | self.other.partner_id
        self.assertFalse(Partner.read_group([("id", "in", people.ids)], ["email"], ["email"]))
        for records in (self.partner, self.other.partner_id):
            with self.subTest(partner=records.name), self.assertRaises(AccessError):
                records.with_user(self.employee).read(CARD)
        with self.assertRaises(AccessError):
            self.partner.with_user(self.employee).export_data(["email", "phone"])
        with self.assertRaises(AccessError):
            self.partner.with_user(self.employee).email  # noqa: B018

    def test_plain_employee_keeps_odoo_flows(self):
        Partner = self.env["res.partner"].with_user(self.employee)
        own = self.employee.partner_id.with_user(self.employee)
        self.assertEqual(own.read(["email"])[0]["email"], "elio@example.com")
        own.sudo(False).check_access("read")
        colleague = self.operator.partner_id.with_user(self.employee)
        self.assertEqual(colleague.read(["email"])[0]["email"], "olga@example.com")
        self.assertEqual(Partner.browse(self.employer.id).read(["name"])[0]["name"], "Acme Pulizie")
        self.assertIn(self.env.company.partner_id, Partner.search([("is_company", "=", True)]))
        self.assertEqual(self.employee.with_user(self.employee).read(["email"])[0]["email"],
                         "elio@example.com")
        # the chatter of a company: post, follow, list the followers
        company = self.employer.with_user(self.employee)
        company.message_subscribe(partner_ids=self.employee.partner_id.ids)
        company.message_post(body="Called the HR office", message_type="comment")
        self.assertIn(self.employee.partner_id, company.message_follower_ids.partner_id)
        # HR: the colleagues' public cards; Discuss: mentions find colleagues, not people
        self.env["hr.employee"].create({"name": "Olga Operator", "user_id": self.operator.id,
                                        "work_email": "olga@example.com"})
        public = self.env["hr.employee.public"].with_user(self.employee).search_read(
            [("user_id", "=", self.operator.id)], ["name", "work_email", "work_contact_id"])
        self.assertEqual(public[0]["work_email"], "olga@example.com")
        found = Partner.get_mention_suggestions("example.com", limit=50)["res.partner"]
        emails = {row.get("email") for row in found}
        self.assertIn("olga@example.com", emails)
        self.assertFalse({self.person.email, self.other.email} & emails)
        self.assertIn(self.operator.partner_id,
                      Partner.search([("user_ids.share", "=", False)]))

    def test_a_beneficiary_with_a_login_reads_own_card(self):
        user = new_test_user(self.env, login="ixl_person_login", groups="base.group_portal",
                             partner_id=self.other.partner_id.id)
        card = self.other.partner_id.with_user(user).read(["email"])[0]
        self.assertEqual(card["email"], self.other.email)
        self.assertFalse(self.env["res.partner"].with_user(user).search(
            [("id", "=", self.partner.id)]))

    def test_staff_of_the_programme_read_cards(self):
        for user in (self.operator, self.coordinator, self.admin):
            with self.subTest(user=user.login):
                Partner = self.env["res.partner"].with_user(user)
                found = Partner.search_read([("ixl_beneficiary_ids", "!=", False)], CARD)
                self.assertEqual({row["id"] for row in found} & set(self.partner.ids),
                                 set(self.partner.ids))
                self.assertEqual(self.partner.with_user(user).read(["phone"])[0]["phone"],
                                 "+39 051 555 0101")

    def test_operator_registers_a_person_at_the_office(self):
        person = self.env["ixl.beneficiary"].with_user(self.operator).create({
            "first_name": "Nadia", "last_name": "Bianchi",
            "fiscal_code": make_fiscal_code("Bianchi", "Nadia", "1985-08-01", female=True),
            "email": "nadia@example.com",
        })
        person.write({"phone": "+39 051 000 111", "street": "Via Zamboni 3",
                      "first_name": "Nadia Maria"})
        self.assertEqual(person.partner_id.phone, "+39 051 000 111")
        self.assertEqual(person.partner_id.name, "Nadia Maria Bianchi")
        self.assertTrue(person.partner_id.is_ixl_beneficiary)
        # through the person only: no rights on contacts themselves
        Partner = self.env["res.partner"].with_user(self.operator)
        for write in (lambda: person.partner_id.write({"phone": "1"}),
                      lambda: Partner.browse(self.employer.id).write({"phone": "1"}),
                      lambda: Partner.create({"name": "Contact made by RPC"})):
            with self.assertRaises(AccessError):
                write()
        with self.assertRaises(AccessError):
            self.person.with_user(self.finance).write({"phone": "1"})

    def test_finance_reads_people_but_not_their_card(self):
        people = self.env["ixl.beneficiary"].with_user(self.finance)
        rows = people.search_read([("id", "=", self.person.id)], ["name", "reference", "state"])
        self.assertEqual(rows[0]["name"], self.person.name)
        self.assertEqual(self.person.with_user(self.finance).display_name, self.person.name)
        with self.assertRaises(AccessError):
            self.partner.with_user(self.finance).read(["email"])
        self.assertFalse(self.env["res.partner"].with_user(self.finance).search(
            [("ixl_beneficiary_ids", "!=", False)]))
        for field in CONTACT:
            with self.subTest(field=field), self.assertRaises(AccessError):
                self.person.with_user(self.finance).read([field])
        for domain in ([("email", "=", self.person.email)],
                       [("partner_id.email", "=", self.person.email)],
                       [("partner_id", "any", [("phone", "ilike", "555")])]):
            with self.subTest(domain=domain), self.assertRaises(AccessError):
                people.search(domain)
        with self.assertRaises(AccessError):
            people.search([], order="birthdate_date")
        with self.assertRaises(AccessError):
            people.read_group([], ["phone"], ["phone"])
        # the search box finds people by name or code, not by their email
        self.assertEqual(people.name_search(self.person.reference)[0][0], self.person.id)
        self.assertFalse(people.name_search(self.person.email))

    def test_portal_never_reads_beneficiary_cards(self):
        Partner = self.env["res.partner"].with_user(self.portal)
        self.assertFalse(Partner.search([("ixl_beneficiary_ids", "!=", False)]))
        with self.assertRaises(AccessError):
            self.partner.with_user(self.portal).read(["name"])
        with self.assertRaises(AccessError):
            self.person.with_user(self.portal).read(["name"])
        # a person is a contact on their own, never a contact of a company: the company's
        # portal users would read the card
        with self.assertRaises(ValidationError):
            self.partner.parent_id = self.employer

    def test_followers_do_not_reveal_beneficiary_emails(self):
        self.employer.message_subscribe(partner_ids=self.partner.ids)
        for user in (self.employee, self.finance):
            with self.subTest(user=user.login):
                followers = self.env["mail.followers"].with_user(user).search_read(
                    [("res_model", "=", "res.partner"), ("res_id", "=", self.employer.id)],
                    ["partner_id", "email", "name"])
                self.assertNotIn(self.person.email, [row["email"] for row in followers])
                company = self.employer.with_user(user)
                self.assertNotIn(self.partner, company.message_follower_ids.partner_id)
                self.assertNotIn(self.partner, company.message_partner_ids)
        followers = self.env["mail.followers"].with_user(self.operator).search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.employer.id)])
        self.assertIn(self.person.email, followers.mapped("email"))

    def test_chatter_and_files_of_a_person_are_for_operators(self):
        """Operators' notes and the files of the person's record (CV sent by email...)
        are the case file: finance reads the person, not the case file."""
        person = self.person.with_user(self.operator)
        person.message_post(body="Told me about her health", message_type="comment",
                            subtype_xmlid="mail.mt_note",
                            attachments=[("cv-rossi.pdf", b"%PDF-1.4 cv")])
        note = self.person.message_ids.filtered(lambda m: "health" in (m.body or ""))
        cv = note.attachment_ids
        self.assertEqual(cv.name, "cv-rossi.pdf")
        Message = self.env["mail.message"].with_user(self.finance)
        Attachment = self.env["ir.attachment"].with_user(self.finance)
        self.assertFalse(Message.search([("body", "ilike", "health")]))
        self.assertFalse(Attachment.search([("res_model", "=", "ixl.beneficiary")]))
        for records in (note, cv):
            with self.subTest(model=records._name), self.assertRaises(AccessError):
                records.with_user(self.finance).read(["name" if records == cv else "body"])
        with self.assertRaises(AccessError):
            cv.with_user(self.finance).check("read")
        # operators read them; finance's own things are untouched
        self.assertEqual(self.env["mail.message"].with_user(self.coordinator).search(
            [("body", "ilike", "health")]), note)
        self.assertIn(cv, self.env["ir.attachment"].with_user(self.operator).search(
            [("res_model", "=", "ixl.beneficiary")]))
        own = self.env["ir.attachment"].with_user(self.finance).create(
            {"name": "budget.txt", "raw": b"ok"})
        self.assertEqual(own.with_user(self.finance).read(["name"])[0]["name"], "budget.txt")
