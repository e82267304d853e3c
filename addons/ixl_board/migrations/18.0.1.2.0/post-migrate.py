"""18.0.1.2.0: the Board's dated history (ixl.board.membership), so the dashboard can
count the Board members on any past day.

Each company with a join date gets one stay: from its join date to its leave date (open
while it is a member). Until now a company that left and joined again kept only its
last join date: its earlier stays are not known and are not made up.
"""


def migrate(cr, version):
    cr.execute("""
        INSERT INTO ixl_board_membership
               (partner_id, date_from, date_to, create_uid, write_uid, create_date, write_date)
        SELECT p.id, p.ixl_board_join_date, p.ixl_board_leave_date, 1, 1,
               now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM res_partner p
         WHERE p.ixl_board_join_date IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ixl_board_membership m WHERE m.partner_id = p.id)
    """)
