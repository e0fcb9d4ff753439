/** Built-in hip-dominant exercises: deadlifts and hinges, hip thrusts and bridges, abduction, adduction. */
import type { Exercise } from '../../types';
import { family } from './define';

const deadlift = family({
  pattern: 'hinge', force: 'pull', mechanic: 'compound', group: 'deadlift',
  primary: ['glutes', 'hamstrings', 'lower_back'], secondary: ['quadriceps', 'traps', 'forearms'],
});
const rdl = family({
  pattern: 'hinge', force: 'pull', mechanic: 'compound', group: 'romanian-deadlift',
  primary: ['hamstrings'], secondary: ['glutes', 'lower_back'],
});
const hingeAccessory = family({
  pattern: 'hinge', force: 'pull', mechanic: 'compound', group: 'good-morning',
  primary: ['hamstrings'], secondary: ['glutes', 'lower_back'],
});
const hipThrust = family({
  pattern: 'hip_extension', force: 'push', mechanic: 'compound', group: 'hip-thrust',
  primary: ['glutes'], secondary: ['hamstrings'],
});
const kickback = family({
  pattern: 'hip_extension', force: 'push', mechanic: 'isolation', group: 'glute-kickback',
  primary: ['glutes'], secondary: ['hamstrings'],
});
const abduction = family({
  pattern: 'hip_abduction', force: 'push', mechanic: 'isolation', group: 'hip-abduction',
  primary: ['abductors'], secondary: ['glutes'],
});
const adduction = family({
  pattern: 'hip_adduction', force: 'pull', mechanic: 'isolation', group: 'hip-adduction',
  primary: ['adductors'],
});

export const HIP_EXERCISES: readonly Exercise[] = [
  deadlift({
    id: 'barbell-deadlift', name: 'Barbell Deadlift', equipment: 'barbell',
    aliases: ['Deadlift (Barbell)', 'Deadlift', 'Conventional Deadlift'],
    how: 'Stand with the bar over mid-foot and grip it just outside the legs. Brace, push the floor away and stand tall, then lower the bar along the legs.',
  }),
  deadlift({
    id: 'barbell-sumo-deadlift', name: 'Sumo Deadlift', equipment: 'barbell', level: 'intermediate',
    aliases: ['Sumo Deadlift (Barbell)'],
    primary: ['glutes', 'hamstrings', 'adductors'], secondary: ['quadriceps', 'lower_back', 'traps'],
    how: 'Take a wide stance with toes turned out and grip the bar inside the knees. Push the knees out and drive the floor away to stand.',
  }),
  deadlift({
    id: 'trap-bar-deadlift', name: 'Trap Bar Deadlift', equipment: 'barbell',
    aliases: ['Deadlift (Trap bar)', 'Hex Bar Deadlift'],
    primary: ['quadriceps', 'glutes', 'hamstrings'], secondary: ['lower_back', 'traps', 'forearms'],
    how: 'Stand inside the trap bar and grip the handles. Brace and drive up to standing, then lower with a flat back.',
  }),
  deadlift({
    id: 'dumbbell-deadlift', name: 'Dumbbell Deadlift', equipment: 'dumbbell',
    aliases: ['Deadlift (Dumbbell)'],
    how: 'Hold dumbbells beside the feet. Hinge and bend the knees to reach them, then stand tall with a flat back.',
  }),
  deadlift({
    id: 'kettlebell-deadlift', name: 'Kettlebell Deadlift', equipment: 'kettlebell',
    aliases: ['Deadlift (Kettlebell)'],
    how: 'Set a kettlebell between the feet. Hinge down, grip the handle and stand tall, then lower it the same way.',
  }),
  deadlift({
    id: 'smith-machine-deadlift', name: 'Smith Machine Deadlift', equipment: 'smith_machine',
    aliases: ['Deadlift (Smith Machine)'],
    how: 'Set the Smith bar low over mid-foot. Hinge to grip it and stand up along the rails, then lower with control.',
  }),
  rdl({
    id: 'barbell-romanian-deadlift', name: 'Barbell Romanian Deadlift', equipment: 'barbell',
    aliases: ['Romanian Deadlift (Barbell)', 'Romanian Deadlift', 'RDL'],
    how: 'Hold the bar at the hips with soft knees. Push the hips back and slide the bar down the thighs until you feel a hamstring stretch, then stand up.',
  }),
  rdl({
    id: 'dumbbell-romanian-deadlift', name: 'Dumbbell Romanian Deadlift', equipment: 'dumbbell',
    aliases: ['Romanian Deadlift (Dumbbell)', 'Dumbbell RDL'],
    how: 'Hold dumbbells in front of the thighs. Push the hips back with a flat back until the hamstrings stretch, then drive the hips forward.',
  }),
  rdl({
    id: 'kettlebell-romanian-deadlift', name: 'Kettlebell Romanian Deadlift', equipment: 'kettlebell',
    aliases: ['Romanian Deadlift (Kettlebell)'],
    how: 'Hold a kettlebell in both hands at the hips. Hinge back with soft knees until the hamstrings stretch and stand up.',
  }),
  rdl({
    id: 'barbell-stiff-leg-deadlift', name: 'Stiff-Leg Deadlift', equipment: 'barbell', level: 'intermediate',
    aliases: ['Stiff Leg Deadlift (Barbell)', 'Straight Leg Deadlift'],
    how: 'Stand with the bar at the hips and knees nearly straight. Hinge forward, lowering the bar toward the floor, and stand back up.',
  }),
  rdl({
    id: 'dumbbell-single-leg-romanian-deadlift', name: 'Single-Leg Dumbbell RDL', equipment: 'dumbbell', level: 'intermediate',
    aliases: ['Single Leg Romanian Deadlift (Dumbbell)'],
    how: 'Stand on one leg holding a dumbbell in the opposite hand. Hinge forward as the free leg reaches back, then return to standing.',
  }),
  rdl({
    id: 'bodyweight-single-leg-romanian-deadlift', name: 'Single-Leg Hip Hinge', equipment: 'body_only',
    aliases: ['Single Leg Romanian Deadlift (Bodyweight)', 'Bodyweight Single Leg RDL'],
    how: 'Stand on one leg with a soft knee. Tip the torso forward as the other leg reaches back, reach toward the floor, and stand back up.',
  }),
  hingeAccessory({
    id: 'barbell-good-morning', name: 'Good Morning', equipment: 'barbell', level: 'intermediate',
    aliases: ['Good Morning (Barbell)'],
    how: 'Rest the bar on the upper back with soft knees. Push the hips back until the torso is near parallel and return to standing.',
  }),
  hingeAccessory({
    id: 'band-good-morning', name: 'Band Good Morning', equipment: 'bands',
    aliases: ['Good Morning (Band)'],
    how: 'Stand on the band with the loop behind the neck. Hinge forward with a flat back and stand up against the band.',
  }),
  hingeAccessory({
    id: 'cable-pull-through', name: 'Cable Pull-Through', equipment: 'cable',
    aliases: ['Pull Through (Cable)', 'Cable Pull Through'], primary: ['glutes'], secondary: ['hamstrings'],
    how: 'Face away from a low pulley holding a rope between the legs. Hinge back, then drive the hips forward to stand tall.',
  }),
  hingeAccessory({
    id: 'kettlebell-swing', name: 'Kettlebell Swing', equipment: 'kettlebell', group: 'swing',
    aliases: ['Swing (Kettlebell)', 'Russian Kettlebell Swing'], primary: ['glutes', 'hamstrings'],
    secondary: ['lower_back', 'shoulders'],
    how: 'Hike the kettlebell back between the legs with a flat back. Snap the hips forward to float it to chest height and let it fall back into the next hinge.',
  }),
  hingeAccessory({
    id: 'back-extension', name: 'Back Extension', equipment: 'other', group: 'back-extension',
    aliases: ['Hyperextension', 'Back Extension (Bodyweight)', '45 Degree Back Extension'],
    primary: ['lower_back', 'glutes'], secondary: ['hamstrings'],
    how: 'Set the hip pad just below the hip crease. Lower the torso with a flat back and raise it until the body is in line.',
  }),
  hingeAccessory({
    id: 'machine-back-extension', name: 'Machine Back Extension', equipment: 'machine', group: 'back-extension',
    aliases: ['Back Extension (Machine)'], primary: ['lower_back'], secondary: ['glutes', 'hamstrings'],
    how: 'Sit with the pad across the upper back. Extend backward until the torso is upright or slightly behind and return slowly.',
  }),
  hipThrust({
    id: 'barbell-hip-thrust', name: 'Barbell Hip Thrust', equipment: 'barbell',
    aliases: ['Hip Thrust (Barbell)', 'Hip Thrust'],
    how: 'Sit with the upper back against a bench and the bar over the hips. Drive the hips up until the body is level from knees to shoulders, pause, and lower.',
  }),
  hipThrust({
    id: 'dumbbell-hip-thrust', name: 'Dumbbell Hip Thrust', equipment: 'dumbbell',
    aliases: ['Hip Thrust (Dumbbell)'],
    how: 'Rest the upper back on a bench with a dumbbell on the hips. Drive the hips up, squeeze the glutes and lower.',
  }),
  hipThrust({
    id: 'machine-hip-thrust', name: 'Machine Hip Thrust', equipment: 'machine',
    aliases: ['Hip Thrust (Machine)', 'Glute Drive'],
    how: 'Set the belt or pad across the hips. Drive the hips up to full extension, pause, and lower slowly.',
  }),
  hipThrust({
    id: 'smith-machine-hip-thrust', name: 'Smith Machine Hip Thrust', equipment: 'smith_machine',
    aliases: ['Hip Thrust (Smith Machine)'],
    how: 'Set a bench beside the Smith machine with the bar over the hips. Drive the hips up along the rails and lower.',
  }),
  hipThrust({
    id: 'barbell-glute-bridge', name: 'Barbell Glute Bridge', equipment: 'barbell',
    aliases: ['Glute Bridge (Barbell)'],
    how: 'Lie on the floor with the bar over the hips and knees bent. Drive the hips up, squeeze, and lower.',
  }),
  hipThrust({
    id: 'glute-bridge', name: 'Glute Bridge', equipment: 'body_only',
    aliases: ['Glute Bridge (Bodyweight)', 'Hip Thrust (Bodyweight)', 'Bridge'],
    how: 'Lie on your back with knees bent and feet flat. Drive through the heels to lift the hips, squeeze the glutes and lower.',
  }),
  hipThrust({
    id: 'single-leg-glute-bridge', name: 'Single-Leg Glute Bridge', equipment: 'body_only',
    aliases: ['Single Leg Glute Bridge', 'Single Leg Hip Thrust (Bodyweight)'],
    how: 'Lie on your back with one foot planted and the other leg raised. Drive the hips up on one leg and lower slowly.',
  }),
  kickback({
    id: 'cable-glute-kickback', name: 'Cable Glute Kickback', equipment: 'cable',
    aliases: ['Glute Kickback (Cable)', 'Cable Kickback'],
    how: 'Attach an ankle strap to a low pulley. Kick the leg straight back from the hip without arching the lower back, then return.',
  }),
  kickback({
    id: 'machine-glute-kickback', name: 'Machine Glute Kickback', equipment: 'machine',
    aliases: ['Glute Kickback (Machine)'],
    how: 'Set up on the machine with the foot against the plate. Push the leg back until the hip is straight and return slowly.',
  }),
  kickback({
    id: 'band-glute-kickback', name: 'Band Glute Kickback', equipment: 'bands',
    aliases: ['Glute Kickback (Band)'],
    how: 'On hands and knees, loop a band around one foot and hold the ends. Press the foot back and up until the hip is straight.',
  }),
  abduction({
    id: 'machine-hip-abduction', name: 'Hip Abduction Machine', equipment: 'machine',
    aliases: ['Hip Abductor (Machine)', 'Hip Abduction (Machine)', 'Seated Hip Abduction'],
    how: 'Sit with the pads on the outside of the knees. Push the knees apart, pause, and return slowly.',
  }),
  abduction({
    id: 'cable-hip-abduction', name: 'Cable Hip Abduction', equipment: 'cable',
    aliases: ['Hip Abduction (Cable)'],
    how: 'Stand side-on to a low pulley with the strap on the far ankle. Lift the leg out to the side and return slowly.',
  }),
  abduction({
    id: 'band-lateral-walk', name: 'Band Lateral Walk', equipment: 'bands',
    aliases: ['Lateral Band Walk', 'Monster Walk (Band)'],
    how: 'Loop a band above the knees and sit into a half squat. Step sideways while keeping tension on the band.',
  }),
  abduction({
    id: 'side-lying-hip-abduction', name: 'Side-Lying Hip Abduction', equipment: 'body_only',
    aliases: ['Side Lying Leg Raise', 'Side Lying Hip Abduction'],
    how: 'Lie on your side with legs straight. Raise the top leg to about 45 degrees with toes forward and lower slowly.',
  }),
  adduction({
    id: 'machine-hip-adduction', name: 'Hip Adduction Machine', equipment: 'machine',
    aliases: ['Hip Adductor (Machine)', 'Hip Adduction (Machine)', 'Seated Hip Adduction'],
    how: 'Sit with the pads on the inside of the knees. Squeeze the knees together and return slowly.',
  }),
  adduction({
    id: 'cable-hip-adduction', name: 'Cable Hip Adduction', equipment: 'cable',
    aliases: ['Hip Adduction (Cable)'],
    how: 'Stand side-on to a low pulley with the strap on the near ankle. Pull the leg across in front of the other and return.',
  }),
  adduction({
    id: 'copenhagen-plank', name: 'Copenhagen Plank', equipment: 'body_only', level: 'intermediate', force: 'static',
    aliases: ['Copenhagen Side Plank'], secondary: ['abdominals'],
    how: 'Lie on your side with the top leg resting on a bench. Lift the hips so the body is straight and hold, keeping the bottom leg free.',
  }),
  adduction({
    id: 'side-lying-hip-adduction', name: 'Side-Lying Hip Adduction', equipment: 'body_only',
    aliases: ['Side Lying Hip Adduction', 'Inner Thigh Lift'],
    how: 'Lie on your side and cross the top leg over in front. Lift the bottom leg off the floor and lower slowly.',
  }),
];
