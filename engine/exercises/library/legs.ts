/** Built-in knee-dominant leg exercises: squats, leg presses, lunges, knee extension/flexion, calves. */
import type { Exercise } from '../../types';
import { family } from './define';

const squat = family({
  pattern: 'squat', force: 'push', mechanic: 'compound', group: 'squat',
  primary: ['quadriceps'], secondary: ['glutes', 'hamstrings', 'lower_back'],
});
const legPress = family({
  pattern: 'squat', force: 'push', mechanic: 'compound', group: 'leg-press',
  primary: ['quadriceps'], secondary: ['glutes', 'hamstrings'],
});
const lunge = family({
  pattern: 'lunge', force: 'push', mechanic: 'compound', group: 'lunge',
  primary: ['quadriceps'], secondary: ['glutes', 'hamstrings'],
});
const splitSquat = family({
  pattern: 'lunge', force: 'push', mechanic: 'compound', group: 'split-squat',
  primary: ['quadriceps'], secondary: ['glutes', 'hamstrings'],
});
const kneeExtension = family({
  pattern: 'knee_extension', force: 'push', mechanic: 'isolation', group: 'leg-extension',
  primary: ['quadriceps'],
});
const legCurl = family({
  pattern: 'knee_flexion', force: 'pull', mechanic: 'isolation', group: 'leg-curl',
  primary: ['hamstrings'], secondary: ['calves'],
});
const calfRaise = family({
  pattern: 'calf_raise', force: 'push', mechanic: 'isolation', group: 'calf-raise', primary: ['calves'],
});

export const LEG_EXERCISES: readonly Exercise[] = [
  squat({
    id: 'barbell-back-squat', name: 'Barbell Back Squat', equipment: 'barbell',
    aliases: ['Squat (Barbell)', 'Back Squat', 'Barbell Squat', 'Squat'],
    how: 'Rest the bar on the upper back and stand with feet about shoulder-width apart. Sit down between the heels until the hips reach knee height or lower, then drive back up.',
  }),
  squat({
    id: 'barbell-front-squat', name: 'Barbell Front Squat', equipment: 'barbell', level: 'intermediate',
    aliases: ['Front Squat (Barbell)', 'Front Squat'], secondary: ['glutes', 'abdominals'],
    how: 'Hold the bar across the front of the shoulders with elbows high. Squat down with an upright torso and stand back up.',
  }),
  squat({
    id: 'barbell-box-squat', name: 'Box Squat', equipment: 'barbell', level: 'intermediate',
    aliases: ['Box Squat (Barbell)'],
    how: 'Set a box behind you at about knee height. Sit back onto it under control, pause briefly, and drive up.',
  }),
  squat({
    id: 'smith-machine-squat', name: 'Smith Machine Squat', equipment: 'smith_machine',
    aliases: ['Squat (Smith Machine)'],
    how: 'Set the bar on the upper back with feet slightly in front of it. Squat to a comfortable depth and stand back up.',
  }),
  squat({
    id: 'dumbbell-goblet-squat', name: 'Dumbbell Goblet Squat', equipment: 'dumbbell',
    aliases: ['Goblet Squat (Dumbbell)', 'Goblet Squat'], secondary: ['glutes', 'abdominals'],
    how: 'Hold one dumbbell upright against the chest. Squat down between the knees with the chest up and stand tall.',
  }),
  squat({
    id: 'kettlebell-goblet-squat', name: 'Kettlebell Goblet Squat', equipment: 'kettlebell',
    aliases: ['Goblet Squat (Kettlebell)'], secondary: ['glutes', 'abdominals'],
    how: 'Hold the kettlebell by the horns at chest height. Sit down between the heels and drive back up.',
  }),
  squat({
    id: 'dumbbell-squat', name: 'Dumbbell Squat', equipment: 'dumbbell',
    aliases: ['Squat (Dumbbell)'],
    how: 'Hold dumbbells at your sides or on the shoulders. Squat until the thighs are about parallel and stand back up.',
  }),
  squat({
    id: 'band-squat', name: 'Band Squat', equipment: 'bands',
    aliases: ['Squat (Band)'],
    how: 'Stand on the band with the ends at the shoulders. Squat down and push back up against the band.',
  }),
  squat({
    id: 'bodyweight-squat', name: 'Bodyweight Squat', equipment: 'body_only',
    aliases: ['Squat (Bodyweight)', 'Air Squat'], secondary: ['glutes', 'hamstrings'],
    how: 'Stand with feet shoulder-width apart and arms forward for balance. Sit down as low as you can control and stand up.',
  }),
  squat({
    id: 'pistol-squat', name: 'Pistol Squat', equipment: 'body_only', level: 'advanced',
    aliases: ['Single Leg Squat', 'Pistol Squat (Bodyweight)'], secondary: ['glutes', 'hamstrings', 'abdominals'],
    how: 'Stand on one leg with the other held straight in front. Squat down on the standing leg as low as you control and stand back up.',
  }),
  squat({
    id: 'wall-sit', name: 'Wall Sit', equipment: 'body_only', force: 'static', group: 'wall-sit',
    aliases: ['Wall Squat Hold'], secondary: ['glutes'],
    how: 'Lean your back against a wall and slide down until the knees are bent at about 90 degrees. Hold the position for the set time.',
  }),
  legPress({
    id: 'machine-leg-press', name: 'Leg Press', equipment: 'machine',
    aliases: ['Leg Press (Machine)', 'Seated Leg Press'],
    how: 'Sit with feet hip-width on the platform. Lower it until the knees are bent to about 90 degrees and press it back without locking the knees.',
  }),
  legPress({
    id: 'machine-hack-squat', name: 'Machine Hack Squat', equipment: 'machine',
    aliases: ['Hack Squat', 'Hack Squat (Machine)'],
    how: 'Stand in the machine with shoulders under the pads and feet mid-platform. Squat down until the thighs are about parallel and press back up.',
  }),
  legPress({
    id: 'machine-single-leg-press', name: 'Single-Leg Press', equipment: 'machine',
    aliases: ['Single Leg Press (Machine)'],
    how: 'Place one foot in the middle of the platform. Lower under control and press back up, then switch legs.',
  }),
  lunge({
    id: 'dumbbell-lunge', name: 'Dumbbell Lunge', equipment: 'dumbbell',
    aliases: ['Lunge (Dumbbell)'],
    how: 'Hold dumbbells at your sides and step forward into a long stride. Lower the back knee toward the floor and push back to standing.',
  }),
  lunge({
    id: 'barbell-lunge', name: 'Barbell Lunge', equipment: 'barbell', level: 'intermediate',
    aliases: ['Lunge (Barbell)'],
    how: 'Hold the bar on the upper back and step forward. Lower until both knees are bent and push back to the start.',
  }),
  lunge({
    id: 'bodyweight-lunge', name: 'Bodyweight Lunge', equipment: 'body_only',
    aliases: ['Lunge (Bodyweight)', 'Lunge', 'Forward Lunge'],
    how: 'Step forward into a long stride. Lower the back knee toward the floor and push back to standing.',
  }),
  lunge({
    id: 'dumbbell-walking-lunge', name: 'Dumbbell Walking Lunge', equipment: 'dumbbell',
    aliases: ['Walking Lunge (Dumbbell)', 'Walking Lunge'],
    how: 'Hold dumbbells at your sides and lunge forward. Bring the back foot through into the next lunge and keep walking.',
  }),
  lunge({
    id: 'dumbbell-reverse-lunge', name: 'Dumbbell Reverse Lunge', equipment: 'dumbbell',
    aliases: ['Reverse Lunge (Dumbbell)'],
    how: 'Hold dumbbells at your sides and step backward. Lower the back knee toward the floor and return to standing.',
  }),
  lunge({
    id: 'kettlebell-reverse-lunge', name: 'Kettlebell Reverse Lunge', equipment: 'kettlebell',
    aliases: ['Reverse Lunge (Kettlebell)'],
    how: 'Hold a kettlebell at the chest and step backward into a lunge. Drive through the front foot to stand.',
  }),
  lunge({
    id: 'dumbbell-step-up', name: 'Dumbbell Step-Up', equipment: 'dumbbell', group: 'step-up',
    aliases: ['Step Up (Dumbbell)', 'Step-up (Dumbbell)'],
    how: 'Hold dumbbells at your sides and put one foot on a box. Drive through that foot to stand on the box and step down slowly.',
  }),
  lunge({
    id: 'bodyweight-step-up', name: 'Bodyweight Step-Up', equipment: 'body_only', group: 'step-up',
    aliases: ['Step Up (Bodyweight)', 'Step Up'],
    how: 'Place one foot on a sturdy step or box. Stand up onto it without pushing off the back foot and step down slowly.',
  }),
  splitSquat({
    id: 'dumbbell-bulgarian-split-squat', name: 'Dumbbell Bulgarian Split Squat', equipment: 'dumbbell', level: 'intermediate',
    aliases: ['Bulgarian Split Squat (Dumbbell)', 'Rear Foot Elevated Split Squat (Dumbbell)'],
    how: 'Rest the back foot on a bench and hold dumbbells at your sides. Lower the back knee toward the floor and drive up through the front foot.',
  }),
  splitSquat({
    id: 'bodyweight-bulgarian-split-squat', name: 'Bulgarian Split Squat', equipment: 'body_only',
    aliases: ['Bulgarian Split Squat (Bodyweight)', 'Rear Foot Elevated Split Squat'],
    how: 'Rest the back foot on a bench or chair behind you. Lower straight down on the front leg and stand back up.',
  }),
  splitSquat({
    id: 'dumbbell-split-squat', name: 'Dumbbell Split Squat', equipment: 'dumbbell',
    aliases: ['Split Squat (Dumbbell)'],
    how: 'Stand in a long split stance holding dumbbells. Lower the back knee toward the floor and rise without moving the feet.',
  }),
  splitSquat({
    id: 'bodyweight-split-squat', name: 'Split Squat', equipment: 'body_only',
    aliases: ['Split Squat (Bodyweight)'],
    how: 'Stand in a long split stance. Bend both knees to lower straight down and rise without moving the feet.',
  }),
  splitSquat({
    id: 'smith-machine-split-squat', name: 'Smith Machine Split Squat', equipment: 'smith_machine',
    aliases: ['Split Squat (Smith Machine)'],
    how: 'Set the Smith bar on the upper back in a split stance. Lower the back knee toward the floor and drive up.',
  }),
  kneeExtension({
    id: 'machine-leg-extension', name: 'Leg Extension', equipment: 'machine',
    aliases: ['Leg Extension (Machine)', 'Quad Extension'],
    how: 'Sit with the pad on the lower shins and knees in line with the pivot. Straighten the legs, pause, and lower slowly.',
  }),
  kneeExtension({
    id: 'machine-single-leg-extension', name: 'Single-Leg Extension', equipment: 'machine',
    aliases: ['Single Leg Extension (Machine)'],
    how: 'Set up as for the leg extension and work one leg at a time. Straighten the knee fully and lower slowly.',
  }),
  kneeExtension({
    id: 'band-leg-extension', name: 'Band Leg Extension', equipment: 'bands',
    aliases: ['Leg Extension (Band)'],
    how: 'Sit on a bench with a band anchored behind and looped around the ankle. Straighten the knee against the band and lower slowly.',
  }),
  kneeExtension({
    id: 'sissy-squat', name: 'Sissy Squat', equipment: 'body_only', level: 'intermediate',
    aliases: ['Sissy Squat (Bodyweight)'],
    how: 'Hold a support and rise onto the toes. Lean back as the knees travel forward and down, keeping hips extended, then return.',
  }),
  kneeExtension({
    id: 'reverse-nordic', name: 'Reverse Nordic', equipment: 'body_only', level: 'intermediate',
    aliases: ['Reverse Nordic Curl'],
    how: 'Kneel upright with the body straight from knees to head. Lean back slowly as far as you control and return by straightening at the knees.',
  }),
  legCurl({
    id: 'machine-lying-leg-curl', name: 'Lying Leg Curl', equipment: 'machine',
    aliases: ['Lying Leg Curl (Machine)', 'Leg Curl', 'Leg Curl (Machine)'],
    how: 'Lie face down with the pad just above the heels. Curl the heels toward the glutes and lower slowly.',
  }),
  legCurl({
    id: 'machine-seated-leg-curl', name: 'Seated Leg Curl', equipment: 'machine',
    aliases: ['Seated Leg Curl (Machine)'],
    how: 'Sit with the lap pad snug and the leg pad under the calves. Pull the heels down and back, then return slowly.',
  }),
  legCurl({
    id: 'dumbbell-lying-leg-curl', name: 'Dumbbell Leg Curl', equipment: 'dumbbell',
    aliases: ['Lying Leg Curl (Dumbbell)'],
    how: 'Lie face down on a bench with a dumbbell held between the feet. Curl it toward the glutes and lower slowly.',
  }),
  legCurl({
    id: 'band-leg-curl', name: 'Band Leg Curl', equipment: 'bands',
    aliases: ['Leg Curl (Band)'],
    how: 'Lie face down with a band anchored low and looped around the ankles. Curl the heels toward the glutes and lower slowly.',
  }),
  legCurl({
    id: 'stability-ball-leg-curl', name: 'Stability Ball Leg Curl', equipment: 'exercise_ball',
    aliases: ['Swiss Ball Hamstring Curl'], secondary: ['glutes', 'calves'],
    how: 'Lie on your back with heels on the ball and hips raised. Roll the ball in by bending the knees and roll it back out.',
  }),
  legCurl({
    id: 'nordic-hamstring-curl', name: 'Nordic Hamstring Curl', equipment: 'body_only', level: 'advanced',
    aliases: ['Nordic Curl', 'Nordic Hamstring Curl (Bodyweight)'],
    how: 'Kneel with the ankles held down. Lower the body forward as slowly as you can, catch yourself with the hands and pull back up.',
  }),
  legCurl({
    id: 'glute-ham-raise', name: 'Glute-Ham Raise', equipment: 'machine', level: 'intermediate',
    aliases: ['Glute Ham Raise'], secondary: ['glutes', 'calves'],
    how: 'Lock the feet in the glute-ham developer with knees on the pad. Lower the torso forward and curl back up with the hamstrings.',
  }),
  calfRaise({
    id: 'machine-standing-calf-raise', name: 'Standing Calf Raise', equipment: 'machine',
    aliases: ['Standing Calf Raise (Machine)'],
    how: 'Stand with the balls of the feet on the step and shoulders under the pads. Lower the heels fully, then rise as high as you can.',
  }),
  calfRaise({
    id: 'machine-seated-calf-raise', name: 'Seated Calf Raise', equipment: 'machine',
    aliases: ['Seated Calf Raise (Machine)', 'Seated Calf Raise (Plate Loaded)'],
    how: 'Sit with the pad on the lower thighs and balls of the feet on the step. Lower the heels and rise onto the toes.',
  }),
  calfRaise({
    id: 'leg-press-calf-raise', name: 'Leg Press Calf Raise', equipment: 'machine',
    aliases: ['Calf Press on Leg Press', 'Calf Press (Machine)'],
    how: 'Sit in the leg press with the balls of the feet on the platform edge. Push through the toes to extend the ankles and return slowly.',
  }),
  calfRaise({
    id: 'dumbbell-standing-calf-raise', name: 'Dumbbell Calf Raise', equipment: 'dumbbell',
    aliases: ['Standing Calf Raise (Dumbbell)'],
    how: 'Hold a dumbbell and stand on a step with the heels hanging off. Lower the heels and rise as high as you can.',
  }),
  calfRaise({
    id: 'barbell-standing-calf-raise', name: 'Barbell Calf Raise', equipment: 'barbell',
    aliases: ['Standing Calf Raise (Barbell)'],
    how: 'Hold the bar on the upper back and stand tall. Rise onto the toes, pause, and lower slowly.',
  }),
  calfRaise({
    id: 'smith-machine-calf-raise', name: 'Smith Machine Calf Raise', equipment: 'smith_machine',
    aliases: ['Standing Calf Raise (Smith Machine)'],
    how: 'Stand on a plate or step under the Smith bar. Rise onto the toes and lower the heels below the step.',
  }),
  calfRaise({
    id: 'bodyweight-calf-raise', name: 'Bodyweight Calf Raise', equipment: 'body_only',
    aliases: ['Standing Calf Raise (Bodyweight)', 'Calf Raise'],
    how: 'Stand on a step with the heels hanging off, holding a support. Rise onto the toes and lower the heels slowly; use one leg to make it harder.',
  }),
];
